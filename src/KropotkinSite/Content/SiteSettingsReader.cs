using KropotkinSite.Engine;

namespace KropotkinSite.Content;

/// <summary>Reads <c>_site.yml</c>: the site's title, language, address and optional extras.</summary>
public static class SiteSettingsReader
{
    public static SiteSettings? Read(YamlFields fields, ICollection<ContentError> errors)
    {
        var before = errors.Count;
        var title = fields.RequiredString("title", "add 'title: My site' to _site.yml");
        var language = fields.String("language") ?? "en";
        if (!IsLanguageTag(language))
            fields.Error(fields.Node("language")!, ErrorCodes.InvalidValue,
                $"'{language}' is not a language tag; use a BCP 47 tag such as en or fr");
        Uri? baseUrl = null;
        if (fields.String("base_url") is { } address)
        {
            if (PageInfoReader.IsHttpUrl(address)) baseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
            else fields.Error(fields.Node("base_url")!, ErrorCodes.InvalidValue,
                $"'{address}' is not an absolute http(s) address; write it like https://example.org/");
        }
        var periods = new List<TimelinePeriod>();
        foreach (var item in fields.Mappings("timeline_periods", "period"))
        {
            var periodTitle = item.RequiredString("title", "name the period, e.g. 'title: Exile'");
            var start = item.Date("start", required: true, "a timeline period");
            var end = item.Date("end", required: true, "a timeline period");
            if (periodTitle is not null && start is not null && end is not null)
                periods.Add(new TimelinePeriod(periodTitle, start.Value, end.Value, item.String("summary")));
        }
        SiteSubject? subject = null;
        foreach (var item in fields.Node("subject") is null ? [] : new[] { SubjectFields(fields) })
        {
            if (item is null) continue;
            var name = item.RequiredString("name", "give the person's name, e.g. 'name: Peter Kropotkin'");
            var born = item.Date("birth_date", required: false, "the subject");
            var died = item.Date("death_date", required: false, "the subject");
            if (name is not null)
                subject = new SiteSubject(name, item.String("alternate_name"), born, item.String("birth_place"), died,
                    item.String("death_place"), item.String("description"));
        }
        if (errors.Count > before || title is null) return null;
        return new SiteSettings(title, fields.String("description"), fields.String("author"), language, baseUrl,
            fields.String("license"), fields.String("sources"), periods, subject);
    }

    private static YamlFields? SubjectFields(YamlFields fields)
    {
        if (fields.Node("subject") is YamlDotNet.RepresentationModel.YamlMappingNode map) return fields.Nested(map);
        fields.Error(fields.Node("subject")!, ErrorCodes.WrongType,
            "'subject' must be a mapping with keys such as 'name:'");
        return null;
    }

    public static bool IsLanguageTag(string tag) =>
        tag.Length is > 1 and < 36
            && tag.Split('-').All(part => part.Length is > 0 and <= 8 && part.All(char.IsAsciiLetterOrDigit));
}
