using KropotkinSite.Engine;
using KropotkinSite.Incremental;
using KropotkinSite.IO;

namespace KropotkinSite.Tests.Incremental;

/// <summary>The memoisation itself, on pipelines of toy modules: what a second run recomputes, and that a value is
/// reused only when everything it was made from is equal.</summary>
public sealed class BuildMemoryTests
{
    /// <summary>Makes one document per name, with the text given for it. Like every module, it is not changed
    /// once made: each run gets one of its own.</summary>
    private sealed record Emit(IReadOnlyDictionary<string, string> Texts) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
            [.. Texts.OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => Document.Create("/" + t.Key, t.Key, System.Text.Encoding.UTF8.GetBytes(t.Value)))];
    }

    /// <summary>Upper-cases each document's text, counting how often it really does.</summary>
    private sealed record Shout : IModule
    {
        public static int Calls;

        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
            context.Map(inputs, static (d, _) =>
            {
                Interlocked.Increment(ref Calls);
                return d.WithContent(System.Text.Encoding.UTF8.GetString(d.Content.Span).ToUpperInvariant());
            });
    }

    /// <summary>Appends a suffix to each document: the suffix is a setting of the module.</summary>
    private sealed record Suffix(string Text) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
            context.Map(inputs, (d, _) => d.WithContent(System.Text.Encoding.UTF8.GetString(d.Content.Span) + Text));
    }

    /// <summary>Appends the number of documents of another pipeline to each: what it shares with every
    /// document.</summary>
    private sealed record CountOf(string Pipeline) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
            context.Map(inputs, context.OutputsOf(Pipeline).Count, static (d, count, _) =>
                d.WithContent(System.Text.Encoding.UTF8.GetString(d.Content.Span) + count));
    }

    /// <summary>The total length of its inputs' texts, as one document.</summary>
    private sealed record Total : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
        {
            var lengths = context.Derive(inputs, static d => d.Content.Length);
            var total = context.Compute(lengths, static all => all.Sum());
            return [Document.Create("", "total", System.Text.Encoding.UTF8.GetBytes(total.ToString()))];
        }
    }

    /// <summary>Drops the documents whose text says "drop" and reports those whose text says "bad".</summary>
    private sealed record Judge : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
            context.Map(inputs, static (d, context) =>
            {
                var text = System.Text.Encoding.UTF8.GetString(d.Content.Span);
                if (text == "bad") context.Report(new ContentError(d.Source, 1, 1, "KS0000", "bad text"));
                return text == "drop" ? null : d;
            });
    }

    private static Dictionary<string, string> Texts(int count) =>
        Enumerable.Range(0, count).ToDictionary(i => $"p{i:D3}", i => $"page {i}");

    private static (EngineResult Result, BuildMemory Memory) Run(BuildMemory memory, params Pipeline[] pipelines)
    {
        memory.BeginRun();
        return (new PipelineEngine(pipelines).Run(new DiskFiles(), default, memory), memory);
    }

    private static StepReport Step(BuildMemory memory, string prefix) =>
        memory.LastRun.Single(s => s.Step.StartsWith(prefix, StringComparison.Ordinal));

    private static string Text(EngineResult result, string pipeline, int i) =>
        System.Text.Encoding.UTF8.GetString(result.Outputs[pipeline][i].Content.Span);

    [Fact]
    public void A_second_run_with_one_document_changed_maps_only_that_document()
    {
        var memory = new BuildMemory();
        Run(memory, new Pipeline("a", new Emit(Texts(50)), new Shout()));
        var texts = Texts(50);
        texts["p007"] = "changed";
        var before = Shout.Calls;

        var (result, _) = Run(memory, new Pipeline("a", new Emit(texts), new Shout()));

        Assert.Equal(1, Shout.Calls - before);
        Assert.Equal(("a/1/Shout", true, 1, 49), Counts(Step(memory, "a/1")));
        Assert.Equal("CHANGED", Text(result, "a", 7));
    }

    [Fact]
    public void A_mapping_taken_from_the_last_run_still_drops_and_reports_what_it_did_while_others_are_mapped_again()
    {
        var memory = new BuildMemory();
        var texts = Texts(50);
        (texts["p003"], texts["p004"]) = ("bad", "drop");
        Run(memory, new Pipeline("a", new Emit(new Dictionary<string, string>(texts)), new Judge()));

        texts["p020"] = "bad";
        var (again, _) = Run(memory, new Pipeline("a", new Emit(new Dictionary<string, string>(texts)), new Judge()));
        var judgedAgain = Counts(Step(memory, "a/1"));
        texts["p003"] = "good now";
        var (mended, _) = Run(memory, new Pipeline("a", new Emit(new Dictionary<string, string>(texts)), new Judge()));

        Assert.Equal(("a/1/Judge", true, 1, 49), judgedAgain);
        Assert.Equal(["/p003", "/p020"], again.Errors.Select(e => e.File));
        Assert.Equal(49, again.Outputs["a"].Count);
        Assert.DoesNotContain(again.Outputs["a"], d => d.Source == "/p004");
        Assert.Equal(["/p020"], mended.Errors.Select(e => e.File));
        Assert.Equal("good now", Text(mended, "a", 3));
        Assert.Equal(49, mended.Outputs["a"].Count);
    }

    [Fact]
    public void A_document_added_before_the_others_is_the_only_one_mapped_though_every_other_moved()
    {
        var memory = new BuildMemory();
        Run(memory, new Pipeline("a", new Emit(Texts(30)), new Shout()));
        var texts = Texts(30);
        texts["a000"] = "new first"; // sorts before p000: every other document stands one place further on
        texts.Remove("p020"); // and from there on, where it stood before
        var before = Shout.Calls;

        var (result, _) = Run(memory, new Pipeline("a", new Emit(texts), new Shout()));

        Assert.Equal(1, Shout.Calls - before);
        Assert.Equal(("a/1/Shout", true, 1, 29), Counts(Step(memory, "a/1")));
        Assert.Equal(["NEW FIRST", "PAGE 0", "PAGE 19", "PAGE 21"],
            new[] { 0, 1, 20, 21 }.Select(i => Text(result, "a", i)));
    }

    [Fact]
    public void A_step_whose_module_inputs_and_reads_are_the_same_does_not_run_at_all()
    {
        var memory = new BuildMemory();
        var texts = Texts(10);
        Run(memory, new Pipeline("a", new Emit(texts), new Shout()),
            new Pipeline("b", ["a"], [new Emit(Texts(3)), new CountOf("a")]));

        Run(memory, new Pipeline("a", new Emit(texts), new Shout()),
            new Pipeline("b", ["a"], [new Emit(Texts(3)), new CountOf("a")]));

        Assert.All(memory.LastRun, step => Assert.False(step.Ran, step.Step + " ran again"));
    }

    [Fact]
    public void A_changed_setting_of_a_module_maps_every_document_again()
    {
        var memory = new BuildMemory();
        Run(memory, new Pipeline("a", new Emit(Texts(5)), new Suffix("!")));

        var (result, _) = Run(memory, new Pipeline("a", new Emit(Texts(5)), new Suffix("?")));

        Assert.Equal(("a/1/Suffix", true, 5, 0), Counts(Step(memory, "a/1")));
        Assert.Equal("page 0?", Text(result, "a", 0));
    }

    [Fact]
    public void What_a_mapping_shares_with_every_document_is_part_of_what_its_results_are_kept_by()
    {
        var memory = new BuildMemory();
        Run(memory, new Pipeline("a", new Emit(Texts(2))),
            new Pipeline("b", ["a"], [new Emit(Texts(3)), new CountOf("a")]));

        var (result, _) = Run(memory, new Pipeline("a", new Emit(Texts(4))),
            new Pipeline("b", ["a"], [new Emit(Texts(3)), new CountOf("a")]));

        Assert.Equal(["page 04", "page 14", "page 24"], Enumerable.Range(0, 3).Select(i => Text(result, "b", i)));
        Assert.Equal(3, Step(memory, "b/1").Computed);
    }

    [Fact]
    public void A_value_computed_again_that_equals_the_last_one_lets_the_steps_after_it_stand()
    {
        var memory = new BuildMemory();
        Run(memory, new Pipeline("a", new Emit(Texts(20)), new Total(), new Shout()));
        var texts = Texts(20);
        texts["p003"] = "page 9"; // another text of the same length: the total is the same

        var (result, _) = Run(memory, new Pipeline("a", new Emit(texts), new Total(), new Shout()));

        Assert.Equal(("a/1/Total", true, 1, 20), Counts(Step(memory, "a/1")));
        Assert.False(Step(memory, "a/2").Ran);
        Assert.Equal("130", Text(result, "a", 0));
    }

    /// <summary>Derives each document's length and gives the list of lengths as the metadata of a document that
    /// holds all the texts (so it is never last run's), for a test to see which list it was.</summary>
    private sealed record Lengths : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
            [Document.Create("", "lengths", inputs.SelectMany(d => d.Content.ToArray()).ToArray())
                .With("lengths", context.Derive(inputs, static d => (object)d.Content.Length.ToString()))];
    }

    [Fact]
    public void Values_made_again_that_all_equal_the_last_ones_are_given_as_the_last_run_s_very_list()
    {
        var memory = new BuildMemory();
        var (first, _) = Run(memory, new Pipeline("a", new Emit(Texts(20)), new Lengths()));
        var texts = Texts(20);
        texts["p003"] = "page 9"; // another text of the same length
        var (same, _) = Run(memory, new Pipeline("a", new Emit(new Dictionary<string, string>(texts)), new Lengths()));
        texts["p004"] = "page 10";
        var (longer, _) = Run(memory, new Pipeline("a", new Emit(texts), new Lengths()));

        static object Values(EngineResult result) => result.Outputs["a"][0].Get<object>("lengths")!;
        Assert.Same(Values(first), Values(same));
        Assert.NotSame(Values(same), Values(longer));
        Assert.Equal("7", ((IReadOnlyList<object>)Values(longer))[4]);
    }

    [Fact]
    public void A_function_that_holds_state_of_its_own_is_never_given_an_earlier_result()
    {
        var memory = new BuildMemory();
        var seen = new List<string>();
        foreach (var suffix in new[] { "1", "2" })
        {
            memory.BeginRun();
            var module = new Lambda((inputs, context) => context.Map(inputs, (d, _) => d.WithContent(suffix)));
            var result = new PipelineEngine([new Pipeline("a", new Emit(Texts(2)), module)]).Run(new DiskFiles(),
                default, memory);
            seen.Add(Text(result, "a", 1));
        }
        Assert.Equal(["1", "2"], seen);
    }

    private sealed class Lambda(Func<IReadOnlyList<Document>, IExecutionContext,
        IReadOnlyList<Document>> execute) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
            execute(inputs, context);
    }

    private static (string, bool, int, int) Counts(StepReport step) =>
        (step.Step, step.Ran, step.Computed, step.Reused);
}
