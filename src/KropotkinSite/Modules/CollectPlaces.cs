using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>
/// Attaches the register of places (<see cref="PlaceRegister"/>, or null when the site has none: then places are
/// listed but no map is drawn) to the places page as <c>places</c>. When the site has a register, every place an
/// event of the timeline names must be in it: one it lacks is reported at the event's <c>place</c>, with the
/// registered name closest to it.
/// </summary>
/// <param name="registerName">How messages name the register, such as <c>_data/places.yml</c>.</param>
public sealed class CollectPlaces(string timelinePipeline, string dataPipeline, string registerName) : IModule
{
    public const string Places = "places";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var timeline = context.OutputsOf(timelinePipeline).Select(d => d.Get<TimelineData>(CollectTimeline.Timeline))
            .OfType<TimelineData>()
            .FirstOrDefault() ?? new TimelineData([], []);
        var register = context.OutputsOf(dataPipeline).Select(d => d.Get<PlaceRegister>(ReadSiteModel.Places))
            .OfType<PlaceRegister>()
            .FirstOrDefault();
        if (register is not null)
            foreach (var e in timeline.Ordered)
                foreach (var place in e.Places)
                    if (!register.Declares(place.Name))
                        context.Report(new ContentError(e.SourceFile, place.Position.Line, place.Position.Column,
                            ErrorCodes.UnknownPlace,
                            Unknown(place.Name, register)));
        return inputs.Select(d => d.With(Places, register)).ToArray();
    }

    private string Unknown(string name, PlaceRegister register)
    {
        return PlaceNames.Closest(name, register.Names) is { } closest
            ? $"the place '{name}' is not in {registerName}; did you mean '{closest}'? "
                + "If it is another place, add it there with its 'lat' and 'lon'"
            : $"the place '{name}' is not in {registerName}; add it there with its 'lat' and 'lon' in decimal degrees";
    }
}
