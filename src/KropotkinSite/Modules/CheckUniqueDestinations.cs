using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>Reports every pair of documents that would be written to the same file: two pages at one address.</summary>
public sealed class CheckUniqueDestinations : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var unique = AllUnique(inputs, context);
        context.Cache?.Keep(context.Step, new Checked([.. inputs], unique));
        if (!unique) ReportDuplicates(inputs, context);
        return inputs;
    }

    /// <summary>What a preview session keeps from the last run: the documents, and whether their addresses were unique.</summary>
    private sealed record Checked(Document[] Inputs, bool Unique);

    /// <summary>Whether no two documents share an address; in a preview session, as last run when the documents
    /// edited since kept their addresses.</summary>
    private static bool AllUnique(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var last = context.Cache?.Recall<Checked>(context.Step);
        if (Positions.Changed(inputs, last?.Inputs) is { } changed && changed.All(i => inputs[i].Destination == last!.Inputs[i].Destination))
            return last!.Unique;
        var seen = new HashSet<string>(inputs.Count, StringComparer.OrdinalIgnoreCase);
        return inputs.All(d => d.Destination.Length == 0 || seen.Add(d.Destination));
    }

    private static void ReportDuplicates(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        foreach (var group in inputs.Where(d => d.Destination.Length > 0)
                     .GroupBy(d => d.Destination, StringComparer.OrdinalIgnoreCase)
                     .Where(g => g.Count() > 1))
        {
            var owners = group.OrderBy(d => d.Source.Length == 0 ? 1 : 0).ThenBy(d => d.Source, StringComparer.Ordinal).ToArray();
            var first = owners[0];
            foreach (var other in owners.Skip(1))
            {
                var blamed = other.Source.Length > 0 ? other : first;
                var otherName = ReferenceEquals(blamed, first) ? Describe(other) : Describe(first);
                context.Report(new ContentError(blamed.Source.Length > 0 ? blamed.Source : "input", 1, 1, ErrorCodes.DuplicateAddress,
                    $"is published at '{group.Key}', the same address as {otherName}; rename or move one of them"));
            }
        }
    }

    private static string Describe(Document document) =>
        document.Source.Length > 0 ? ContentError.DisplayPath(document.Source)
        : document.Get<string>(ReadPageInfo.Url) is { } url ? $"the generated page '{url}'" : $"the generated file '{document.Destination}'";
}
