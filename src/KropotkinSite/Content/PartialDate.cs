using System.Globalization;

namespace KropotkinSite.Content;

/// <summary>
/// A date known to a year, a month or a day, kept at the precision it was given.
/// Ordering: a year-precision date sorts before dates within that year that name a month or day;
/// likewise a month-precision date before the days of that month.
/// </summary>
public readonly record struct PartialDate(int Year, int? Month, int? Day) : IComparable<PartialDate>
{
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
            "December"];

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; returns an explanation when it
    /// cannot.</summary>
    public static bool TryParse(string text, out PartialDate date, out string problem)
    {
        date = default;
        problem = "";
        var parts = text.Trim().Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2) || !parts.All(IsDigits))
        {
            problem = $"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int? month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null;
        int? day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        if (year < 1)
        {
            problem = $"'{text}' has year 0000, which no calendar has";
            return false;
        }
        if (month is < 1 or > 12)
        {
            problem = $"'{text}' has month {month}; months run from 01 to 12";
            return false;
        }
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
        {
            problem = $"'{text}' is not a real date: {MonthNames[month!.Value - 1]} {year} has " +
                $"{DateTime.DaysInMonth(year, month.Value)} days";
            return false;
        }
        date = new PartialDate(year, month, day);
        return true;
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    /// <summary>The ISO form at the date's precision, as used in <c>&lt;time datetime&gt;</c>.</summary>
    public string Iso =>
        Day is not null ? $"{Year:D4}-{Month:D2}-{Day:D2}" : Month is not null ? $"{Year:D4}-{Month:D2}" : $"{Year:D4}";

    /// <summary>"1876", "June 1876" or "30 June 1876".</summary>
    public string Display => Day is not null
        ? $"{Day} {MonthNames[Month!.Value - 1]} {Year}"
        : Month is not null ? $"{MonthNames[Month.Value - 1]} {Year}" : Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The date without its year: "30 June", "June", or "" for a date known only to the year.</summary>
    public string WithinYear =>
        Day is not null ? $"{Day} {MonthNames[Month!.Value - 1]}"
        : Month is not null ? MonthNames[Month.Value - 1]
        : "";

    public int CompareTo(PartialDate other)
    {
        var byYear = Year.CompareTo(other.Year);
        if (byYear != 0) return byYear;
        var byMonth = (Month ?? 0).CompareTo(other.Month ?? 0);
        return byMonth != 0 ? byMonth : (Day ?? 0).CompareTo(other.Day ?? 0);
    }

    public override string ToString() => Iso;
}
