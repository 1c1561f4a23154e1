// What one page's surroundings are made from (see SiteIndex.SliceOf and PageSurroundings.Of): the page, its
// neighbours, its section page, its backlinks, its place in the reading order, its events' ids on the timeline and,
// for the few pages that lead a reader on, where. A value tuple, so that a build compares a slice with last run's
// by the very objects it holds, element by element, and finds most slices unchanged at the cost of a glance.
global using PageSlice = (
    KropotkinSite.Content.PageEntry Page,
    KropotkinSite.Content.PageEntry? Previous,
    KropotkinSite.Content.PageEntry? Next,
    KropotkinSite.Content.PageEntry? SectionPage,
    KropotkinSite.Content.PageBacklinks Backlinks,
    KropotkinSite.Content.OrderPlace? Place,
    System.Collections.Generic.IReadOnlyList<string?> EventIds,
    KropotkinSite.Content.PageLeads? Leads);
