namespace KropotkinSite.Engine;

/// <summary>The work a module does on each document alone, with nothing shared between them.</summary>
public static class ContextExtensions
{
    public static IReadOnlyList<Document> Map(this IExecutionContext context, IReadOnlyList<Document> documents,
        Func<Document, IExecutionContext, Document?> map) =>
        context.Map(documents, map, static (document, map, context) => map(document, context));

    public static IReadOnlyList<T> Derive<TItem, T>(this IExecutionContext context, IReadOnlyList<TItem> items,
        Func<TItem, T> derive) =>
        context.Derive(items, derive, static (item, derive) => derive(item));
}
