using Fluid;
using Fluid.Values;

namespace KropotkinSite.Theme;

/// <summary>
/// The root model of one render, as its layout reads it: the value of each of its members (<c>site</c>,
/// <c>page</c>, <c>navigation</c>, <c>content</c> of a page; a part's own) is made the first time it is read and
/// kept. Fluid would read and wrap the member again at every use, and a page's layouts read <c>page</c> some forty
/// times and <c>site</c> a dozen. The models are immutable records, so a value kept is the value read. (Keeping the
/// members of the objects under the root too allocated as much as it saved and was not faster.)
/// </summary>
internal sealed class ModelValue(object value) : ObjectValueBase(value)
{
    // A few members: a short list searched in order costs less than a dictionary.
    private List<(string Name, FluidValue Value)>? _members;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context)
    {
        if (_members is { } members)
            foreach (var member in members)
                if (member.Name == name) return new ValueTask<FluidValue>(member.Value);
        var reading = base.GetValueAsync(name, context);
        if (!reading.IsCompletedSuccessfully) return reading;
        var read = reading.Result;
        (_members ??= []).Add((name, read));
        return new ValueTask<FluidValue>(read);
    }
}
