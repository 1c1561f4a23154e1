using KropotkinSite.Engine;

namespace KropotkinSite.IO;

/// <summary>
/// A site published in batches while it is still being built: each batch (an output pipeline's documents, as the
/// pipeline ends) is written into the staging folder beside the output folder at once, on the thread pool, one
/// batch after the other, while the build goes on; <see cref="Publish"/> waits for them and swaps the staging folder
/// in (<see cref="OutputWriter"/>). A build that fails or is stopped disposes of it instead: the staging folder is
/// deleted, and the output folder was never touched. What goes wrong while writing is thrown by
/// <see cref="Publish"/> only, so a build with content errors reports those, as it would if it had written nothing.
/// </summary>
public sealed class StagedOutput(string outputDirectory, CancellationToken cancellation = default) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly string _output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
    private Task? _writing; // the batches so far, one after the other; null before the first
    private int _written;
    private bool _published;

    private string Staging => OutputWriter.StagingOf(_output);

    /// <summary>Starts writing a batch into the staging folder (made on the first batch).</summary>
    public void Write(IReadOnlyList<Document> documents)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_published, this);
            // Not cancelled as a task (WriteAll stops at the token itself): a chain that ended has really ended, so
            // that the staging folder is deleted after its last write, never while one is still making files.
            _writing = (_writing ?? Task.Run(Prepare, cancellation)).ContinueWith(previous =>
            {
                previous.GetAwaiter().GetResult(); // a batch that failed fails the rest
                _written += OutputWriter.WriteAll(Staging, documents, cancellation);
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>Waits for every batch, then swaps the staging folder in for the output folder; how many files were
    /// written.</summary>
    public int Publish()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_published, this);
            try
            {
                (_writing ??= Task.Run(Prepare, cancellation)).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                // Stopped, or the disk is full or read-only: the output folder was not touched, nor is the disk left
                // fuller.
                Discard();
                if (e is IOException or UnauthorizedAccessException)
                    throw new IOException($"cannot write the site to {_output}: {e.Message}", e);
                throw;
            }
            OutputWriter.SwapIn(Staging, _output);
            _published = true;
            return _written;
        }
    }

    /// <summary>Unless published: waits for the batches being written, then deletes the staging folder.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_published) return;
            _published = true;
            Discard();
        }
    }

    private void Prepare() => OutputWriter.PrepareStaging(_output);

    private void Discard()
    {
        try
        {
            _writing?.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
            // What failed is thrown by Publish, or does not matter once the build has failed.
        }
        try
        {
            OutputWriter.DeleteIfExists(Staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
