using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>Reports every pair of documents that would be written to the same file: two pages at one address.</summary>
public sealed record CheckUniqueDestinations : IModule
{
    /// <summary>How many groups the destinations are checked in. Two destinations that differ only in case fall in
    /// one group, so each group is checked alone; after an edit only the groups whose destinations changed are
    /// checked again (the search index renames some of its files on every edit), so the groups are kept small: a
    /// few dozen destinations each on a site of 10,000 pages.</summary>
    private const int Groups = 512;

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        // Each document's group is a value of the document, so after an edit only the edited documents are read
        // at all: the others' groups and destinations come from the last run, in one array, which is all that is
        // read here (a document not written has no group).
        var destinations = context.Derive(inputs, static d => (Group: GroupOf(d.Destination), d.Destination));
        var groups = new List<string>[Groups];
        for (var g = 0; g < Groups; g++) groups[g] = new List<string>(2 * inputs.Count / Groups);
        foreach (var (group, destination) in destinations)
            if (group >= 0) groups[group].Add(destination);
        if (context.Derive(groups, static group => AllUnique(group)).Any(unique => !unique))
            ReportDuplicates(inputs, context);
        return inputs;
    }

    private static int GroupOf(string destination) => destination.Length == 0 ? -1
        : (int)((uint)StringComparer.OrdinalIgnoreCase.GetHashCode(destination) % Groups);

    private static bool AllUnique(List<string> destinations)
    {
        var seen = new HashSet<string>(destinations.Count, StringComparer.OrdinalIgnoreCase);
        return destinations.All(seen.Add);
    }

    private static void ReportDuplicates(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        foreach (var group in inputs.Where(d => d.Destination.Length > 0)
                     .GroupBy(d => d.Destination, StringComparer.OrdinalIgnoreCase)
                     .Where(g => g.Count() > 1))
        {
            var owners = group.OrderBy(d => d.Source.Length == 0 ? 1 : 0).ThenBy(d => d.Source,
                StringComparer.Ordinal).ToArray();
            var first = owners[0];
            foreach (var other in owners.Skip(1))
            {
                var blamed = other.Source.Length > 0 ? other : first;
                var otherName = ReferenceEquals(blamed, first) ? Describe(other) : Describe(first);
                context.Report(new ContentError(blamed.Source.Length > 0 ? blamed.Source : "input", 1, 1,
                    ErrorCodes.DuplicateAddress,
                    $"is published at '{group.Key}', the same address as {otherName}; rename or move one of them"));
            }
        }
    }

    private static string Describe(Document document) =>
        document.Source.Length > 0 ? ContentError.DisplayPath(document.Source)
        : document.Get<string>(ReadPageInfo.Url) is { } url ? $"the generated page '{url}'"
        : $"the generated file '{document.Destination}'";
}
