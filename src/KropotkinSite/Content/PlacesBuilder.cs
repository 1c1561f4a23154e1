using KropotkinSite.Maps;

namespace KropotkinSite.Content;

/// <summary>
/// Gathers the places of the timeline's events for the places page: each place once, numbered in the order he
/// first came there (the date order of the first event naming it), with its events and years, and, when the
/// site has a register of places, the map.
/// </summary>
public static class PlacesBuilder
{
    /// <summary>Each place's anchor id on the places page, from its name (<c>place-clairvaux-prison</c>), made
    /// distinct in the order the places first appear.</summary>
    public static IReadOnlyDictionary<string, string> Ids(IReadOnlyList<TimelineEvent> ordered) =>
        Ids(ordered.Select(e => e.Places).ToArray());

    /// <param name="placesOfEvents">The places of each event, in timeline order.</param>
    public static IReadOnlyDictionary<string, string> Ids(IReadOnlyList<IReadOnlyList<EventPlace>> placesOfEvents)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var place in FirstVisits(placesOfEvents))
        {
            var stem = "place-" + TimelineBuilder.Slug(place);
            var id = stem;
            for (var n = 2; !used.Add(id); n++) id = $"{stem}-{n}";
            ids[place] = id;
        }
        return ids;
    }

    /// <param name="ordered">Every event, in timeline order.</param>
    /// <param name="timelineHref">The address of an event's entry on the timeline, by its position in
    /// <paramref name="ordered"/>.</param>
    /// <param name="pageHref">The address of the page that tells of an event, if any.</param>
    public static PlacesView Build(IReadOnlyList<TimelineEvent> ordered, PlaceRegister? register,
        Func<int, string> timelineHref, Func<TimelineEvent, string?> pageHref)
    {
        var placesOfEvents = ordered.Select(e => e.Places).ToArray();
        var ids = Ids(placesOfEvents);
        return Build(ordered, register, ids, Map(placesOfEvents, register, ids), timelineHref, pageHref);
    }

    /// <summary>The map of the places the events name (null without a register): it reads their places alone, not
    /// the rest of the events.</summary>
    /// <param name="placesOfEvents">The places of each event, in timeline order.</param>
    /// <param name="ids">Each place's anchor id, as <see cref="Ids"/> gives them.</param>
    public static PlacesMap? Map(IReadOnlyList<IReadOnlyList<EventPlace>> placesOfEvents, PlaceRegister? register,
        IReadOnlyDictionary<string, string> ids) =>
        register is null ? null : MapDrawing.Draw(FirstVisits(placesOfEvents)
            .Select((name, index) => (Number: index + 1, Name: name, Registered: register.Find(name)))
            .Where(p => p.Registered is not null)
            .Select(p => new MapPlace(p.Number, p.Name, ids[p.Name], p.Registered!.Note, p.Registered.Lat,
                p.Registered.Lon)).ToArray());

    /// <param name="ids">Each place's anchor id, as <see cref="Ids"/> gives them for
    /// <paramref name="ordered"/>.</param>
    /// <param name="map">The map, as <see cref="Map"/> draws it for <paramref name="ordered"/>.</param>
    public static PlacesView Build(IReadOnlyList<TimelineEvent> ordered, PlaceRegister? register,
        IReadOnlyDictionary<string, string> ids, PlacesMap? map, Func<int, string> timelineHref,
        Func<TimelineEvent, string?> pageHref)
    {
        var places = Visits(ordered.Select(e => e.Places).ToArray()).Select((visit, index) =>
            Place(index + 1, visit.Name, [.. visit.Events.Select(i => ordered[i])],
                [.. visit.Events.Select(timelineHref)], register, ids, pageHref)).ToArray();
        return new PlacesView(places, map, register is not null);
    }

    /// <summary>Each place the events name, in the order they first appear, with the positions of the events that
    /// name it.</summary>
    /// <param name="placesOfEvents">The places of each event, in timeline order.</param>
    public static IReadOnlyList<(string Name, int[] Events)> Visits(
        IReadOnlyList<IReadOnlyList<EventPlace>> placesOfEvents)
    {
        var events = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var firstVisits = new List<string>();
        for (var i = 0; i < placesOfEvents.Count; i++)
            foreach (var place in placesOfEvents[i])
            {
                if (!events.TryGetValue(place.Name, out var list))
                {
                    events[place.Name] = list = [];
                    firstVisits.Add(place.Name);
                }
                list.Add(i);
            }
        return [.. firstVisits.Select(name => (name, events[name].ToArray()))];
    }

    /// <summary>One place as the places page shows it: its number, id, note, years and events.</summary>
    /// <param name="events">The events that name it, in timeline order.</param>
    /// <param name="timelineHrefs">The address of each of those events' entries on the timeline.</param>
    public static PlaceView Place(int number, string name, IReadOnlyList<TimelineEvent> events,
        IReadOnlyList<string> timelineHrefs, PlaceRegister? register, IReadOnlyDictionary<string, string> ids,
        Func<TimelineEvent, string?> pageHref)
    {
        var registered = register?.Find(name);
        var views = events.Select((e, i) => new PlaceEventView(e.Date.Iso, e.Date.Display, e.End?.Iso,
            e.End?.Display, e.Title, timelineHrefs[i], pageHref(e), e.PageTitle)).ToArray();
        return new PlaceView(number, ids[name], name, registered?.Note, Years(events), views, registered is not null);
    }

    /// <summary>The places the events name, each once, in the order they first appear.</summary>
    private static IEnumerable<string> FirstVisits(IReadOnlyList<IReadOnlyList<EventPlace>> placesOfEvents) =>
        placesOfEvents.SelectMany(places => places).Select(p => p.Name).Distinct(StringComparer.Ordinal);

    /// <summary>The years the events span, joined where they meet: "1862–1867, 1876".</summary>
    public static string Years(IEnumerable<TimelineEvent> events)
    {
        var spans = events.Select(e => (From: e.Date.Year, To: Math.Max(e.Date.Year, (e.End ?? e.Date).Year)))
            .OrderBy(s => s.From).ThenBy(s => s.To).ToList();
        var merged = new List<(int From, int To)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.From <= merged[^1].To + 1) merged[^1] = (merged[^1].From,
                Math.Max(merged[^1].To, span.To));
            else merged.Add(span);
        }
        return string.Join(", ", merged.Select(s => s.From == s.To ? $"{s.From}" : $"{s.From}–{s.To}"));
    }
}
