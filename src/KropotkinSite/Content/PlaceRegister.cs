namespace KropotkinSite.Content;

/// <summary>A place of the register: where it is, in decimal degrees, and an optional note (such as "centre of a
/// region").</summary>
public sealed record RegisteredPlace(string Name, double Lat, double Lon, string? Note);

/// <summary>The register of places (<c>_data/places.yml</c>): every name an event may give as its
/// <c>place</c>.</summary>
/// <param name="file">The register's file, for messages.</param>
/// <param name="declared">Every name it declares, also those whose position is wrong (already reported), so an event
/// naming one is not reported again.</param>
public sealed class PlaceRegister(string file, IReadOnlyList<RegisteredPlace> places, IReadOnlySet<string> declared)
{
    private readonly Dictionary<string, RegisteredPlace> _byName = places.ToDictionary(p => p.Name,
        StringComparer.Ordinal);

    public string File => file;

    public IReadOnlyList<RegisteredPlace> Places => places;

    public RegisteredPlace? Find(string name) => _byName.GetValueOrDefault(name);

    public bool Declares(string name) => declared.Contains(name);

    public IEnumerable<string> Names => declared;
}
