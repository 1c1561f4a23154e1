using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KropotkinSite.Engine;
using KropotkinSite.IO;

namespace KropotkinSite.Tests.Engine;

public sealed class PipelineEngineTests
{
    private sealed class Emit(params string[] names) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
            [.. inputs, .. names.Select(n => Document.Create("", n, ReadOnlyMemory<byte>.Empty))];
    }

    private sealed class ReadFrom(string pipeline) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
            [.. inputs, .. context.OutputsOf(pipeline).Select(d => d.WithDestination("copy-of-" + d.Destination))];
    }

    /// <summary>Logs its start and end; with a rendezvous, waits until the other party has started too.</summary>
    private sealed class Record(ConcurrentQueue<string> log, string name, Barrier? rendezvous = null) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
        {
            log.Enqueue("start " + name);
            if (rendezvous is not null && !rendezvous.SignalAndWait(TimeSpan.FromSeconds(30)))
                log.Enqueue("alone " + name);
            log.Enqueue("end " + name);
            return inputs;
        }
    }

    private sealed class Fail(string message) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
        {
            context.Report(new ContentError("a.md", 2, 3, "KS0000", message));
            return inputs;
        }
    }

    [Fact]
    public void A_pipeline_reads_the_documents_of_the_pipelines_it_depends_on()
    {
        var result = new PipelineEngine([
            new Pipeline("index", ["works"], [new ReadFrom("works")]),
            new Pipeline("works", new Emit("a", "b")),
        ]).Run(new DiskFiles());
        Assert.Equal(["copy-of-a", "copy-of-b"], result.Outputs["index"].Select(d => d.Destination));
    }

    [Fact]
    public void A_pipeline_that_reads_one_it_does_not_depend_on_fails_with_an_internal_error()
    {
        var result = new PipelineEngine([
            new Pipeline("index", new ReadFrom("works")),
            new Pipeline("works", new Emit("a")),
        ]).Run(new DiskFiles());
        Assert.Contains(result.Errors, e => e.Code == "KS9000" && e.Message.Contains("does not depend on it"));
    }

    [Fact]
    public void A_pipeline_reads_only_the_pipelines_it_names_not_theirs()
    {
        var result = new PipelineEngine([
            new Pipeline("works", new Emit("a")),
            new Pipeline("index", ["works"], [new ReadFrom("works")]),
            new Pipeline("feed", ["index"], [new ReadFrom("works")]),
        ]).Run(new DiskFiles());
        Assert.Contains(result.Errors, e => e.Code == "KS9000" && e.Message.Contains("does not depend on it"));
    }

    [Fact]
    public void A_run_that_forgets_what_was_read_keeps_the_outputs_and_what_is_still_to_be_read()
    {
        var result = new PipelineEngine([
            new Pipeline("works", new Emit("a")),
            new Pipeline("index", ["works"], [new ReadFrom("works")]),
            new Pipeline("feed", ["index"], [new ReadFrom("index")]) { IsOutput = true },
            new Pipeline("unread", new Emit("b")),
        ]).Run(new DiskFiles(), forgetRead: true);
        Assert.Empty(result.Errors);
        Assert.Equal(["copy-of-copy-of-a"], result.Outputs["feed"].Select(d => d.Destination));
        Assert.Empty(result.Outputs["works"]);
        Assert.Empty(result.Outputs["index"]);
        Assert.Equal(["b"], result.Outputs["unread"].Select(d => d.Destination));
    }

    [Fact]
    public void A_run_keeps_every_pipelines_documents_unless_told_to_forget_them()
    {
        var result = new PipelineEngine([
            new Pipeline("works", new Emit("a")),
            new Pipeline("index", ["works"], [new ReadFrom("works")]),
        ]).Run(new DiskFiles());
        Assert.Equal(["a"], result.Outputs["works"].Select(d => d.Destination));
    }

    [Fact]
    public void Pipelines_run_after_their_dependencies_and_independent_ones_overlap()
    {
        var log = new ConcurrentQueue<string>();
        using var rendezvous = new Barrier(2);
        new PipelineEngine([
            new Pipeline("last", ["left", "right"], [new Record(log, "last")]),
            new Pipeline("left", new Record(log, "left", rendezvous)),
            new Pipeline("right", new Record(log, "right", rendezvous)),
        ]).Run(new DiskFiles());
        var order = log.ToList();
        Assert.True(order.IndexOf("start last") > order.IndexOf("end left"));
        Assert.True(order.IndexOf("start last") > order.IndexOf("end right"));
        // Each independent pipeline waited for the other to start: they ran at the same time.
        Assert.DoesNotContain(order, entry => entry.StartsWith("alone", StringComparison.Ordinal));
    }

    [Fact]
    public void Timed_steps_are_listed_per_pipeline_in_order_and_independent_pipelines_then_run_one_at_a_time()
    {
        var log = new ConcurrentQueue<string>();
        var result = new PipelineEngine([
            new Pipeline("left", new Record(log, "left"), new Emit("a")),
            new Pipeline("right", new Record(log, "right")),
        ]).Run(new DiskFiles(), timeSteps: true);
        Assert.Equal(["Record", "Emit"], result.Timings.Single(t => t.Pipeline == "left").Steps.Select(s => s.Step));
        Assert.Equal(["Record"], result.Timings.Single(t => t.Pipeline == "right").Steps.Select(s => s.Step));
        Assert.All(result.Timings.SelectMany(t => t.Steps),
            s => Assert.True(s.Wall >= TimeSpan.Zero && s.Cpu >= TimeSpan.Zero));
        // One pipeline ends before the other starts.
        Assert.Equal(["start left", "end left", "start right", "end right"], log);
    }

    [Fact]
    public void Steps_are_not_timed_unless_asked()
    {
        var result = new PipelineEngine([new Pipeline("one", new Emit("a"))]).Run(new DiskFiles());
        Assert.Empty(result.Timings.Single().Steps);
    }

    [Fact]
    public void Errors_of_every_pipeline_are_collected_and_later_pipelines_still_run()
    {
        var result = new PipelineEngine([
            new Pipeline("one", new Fail("first")),
            new Pipeline("two", ["one"], [new Fail("second"), new Emit("x")]),
        ]).Run(new DiskFiles());
        Assert.Equal(["first", "second"], result.Errors.Select(e => e.Message).Order());
        Assert.Single(result.Outputs["two"]);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void A_dependency_cycle_or_an_unknown_dependency_is_refused_when_the_engine_is_made()
    {
        Assert.Contains("cycle", Assert.Throws<InvalidOperationException>(() => new PipelineEngine([
            new Pipeline("a", ["b"], []), new Pipeline("b", ["a"], []),
        ])).Message);
        Assert.Contains("unknown pipeline", Assert.Throws<InvalidOperationException>(() => new PipelineEngine([
            new Pipeline("a", ["missing"], []),
        ])).Message);
    }

    [Fact]
    public void Errors_print_in_the_form_dotnet_tools_and_editors_parse()
    {
        Assert.Equal("x.md(3,7): error KS0006: bad", new ContentError("x.md", 3, 7, "KS0006", "bad").ToString());
    }
    [Fact]
    public void A_pipeline_that_may_lag_keeps_the_served_documents_for_itself_and_its_readers_and_is_not_run()
    {
        var log = new ConcurrentQueue<string>();
        var served = Document.Create("", "served-index", ReadOnlyMemory<byte>.Empty);
        var result = new PipelineEngine([
            new Pipeline("pages", new Emit("page")) { IsOutput = true },
            new Pipeline("index", ["pages"], [new Record(log, "index"), new ReadFrom("pages")])
            {
                IsOutput = true, MayLag = true,
            },
            new Pipeline("links", ["pages", "index"], [new ReadFrom("index")]),
        ]).Run(new DiskFiles(), served: new Dictionary<string, IReadOnlyList<Document>>
        {
            ["pages"] = [Document.Create("", "old-page", ReadOnlyMemory<byte>.Empty)],
            ["index"] = [served],
        });

        Assert.Empty(log);
        Assert.Same(served, Assert.Single(result.Outputs["index"]));
        Assert.Equal(["copy-of-served-index"], result.Outputs["links"].Select(d => d.Destination));
        Assert.Equal(["page"], result.Outputs["pages"].Select(d => d.Destination)); // it may not lag: it ran
        Assert.Equal(["index"], result.Lagging);
    }

    /// <summary>Waits for the run to be cancelled, then goes on a while as a step between its items would.</summary>
    private sealed class FinishAfterCancel(TaskCompletionSource started, StrongBox<bool> ended) : IModule
    {
        public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
        {
            started.SetResult();
            context.Cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            Thread.Sleep(200);
            ended.Value = true;
            return inputs;
        }
    }

    [Fact]
    public async Task A_cancelled_run_returns_only_once_the_steps_it_had_begun_have_ended()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = new StrongBox<bool>();
        using var cancel = new CancellationTokenSource();
        var engine = new PipelineEngine([
            new Pipeline("slow", new FinishAfterCancel(started, ended)),
            new Pipeline("after", ["slow"], [new Emit("never")]),
        ]);
        var run = Task.Run(() => engine.Run(new DiskFiles(), cancel.Token));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => run);
        Assert.True(ended.Value, "the run returned while one of its steps was still running");
    }
}
