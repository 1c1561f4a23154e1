namespace KropotkinSite.Theme;

/// <summary>
/// A piece of a page that a layout renders with the <c>layout</c> filter (<c>{{ year | layout: 'timeline-year' }}</c>):
/// the layout that renders it and its model. A page's layout job lists the parts its layout will ask for, so they
/// are laid out on their own beforehand, each again only when its model or the layouts change; a part the job
/// does not list is laid out where the filter asks for it, so the list decides only what is reused, never what
/// a page shows.
/// </summary>
public sealed record LayoutPart(string Layout, object Model);
