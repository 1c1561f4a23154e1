using Fluid;
using Fluid.Values;

namespace KropotkinSite.Theme;

/// <summary>
/// A model object as one render of a layout reads it: the value of each member is made the first time it is read
/// and kept, an object member as a <see cref="ModelValue"/> in turn. Fluid would read and wrap a member again at
/// every use (a page's layouts read <c>page</c> some forty times, <c>page.title</c> several), and a render reads the
/// same members of the same objects many times. The models are immutable records, so a value kept is the value read.
/// </summary>
internal sealed class ModelValue(object value) : ObjectValueBase(value)
{
    // A few members each: a short list searched in order costs less than a dictionary.
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
