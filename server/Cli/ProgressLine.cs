using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>
/// The progress of a long run on standard error: files done out of the total, megabytes, speed and time left, on one
/// line rewritten in place (a carriage return, no new line) at most every 200 ms. Shown when standard error is a
/// terminal, or with <c>--progress</c>; never with <c>--quiet</c>. Other messages go through <see cref="Messages"/>,
/// which wipes the line first, so that an error is never written over it.
/// </summary>
public sealed class ProgressLine
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly TextWriter _stderr;
    private readonly int _totalFiles;
    private readonly long _totalBytes;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private TimeSpan? _lastDraw;
    private int _files;
    private long _bytes;
    private int _shownLength;
    private (int Files, long Bytes, TimeSpan At)? _first;

    /// <summary>A progress line for <paramref name="totalFiles"/> files of <paramref name="totalBytes"/> bytes in all.</summary>
    public ProgressLine(TextWriter stderr, int totalFiles, long totalBytes)
    {
        _stderr = stderr;
        _totalFiles = totalFiles;
        _totalBytes = totalBytes;
        Messages = new WipingWriter(this);
    }

    /// <summary>Standard error for every other message: the progress line is wiped before each write.</summary>
    public TextWriter Messages { get; }

    /// <summary>One more file done, of <paramref name="bytes"/> bytes; the line is redrawn if the last draw is old enough.</summary>
    public void Advance(long bytes)
    {
        lock (_lock)
        {
            _files++;
            _bytes += bytes;
            _first ??= (_files, _bytes, _clock.Elapsed);
            if (_lastDraw is not { } last || _clock.Elapsed - last >= Interval)
            {
                Draw(final: false);
            }
        }
    }

    /// <summary>The last state, then a new line, so that the summary that follows starts on its own line.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            Draw(final: true);
            _stderr.Write('\n');
            _shownLength = 0;
            _stderr.Flush();
        }
    }

    /// <summary>The text of the line for the given state; public so that its wording can be tested.</summary>
    /// <param name="files">Files done.</param>
    /// <param name="totalFiles">Files in all.</param>
    /// <param name="bytes">Bytes done.</param>
    /// <param name="totalBytes">Bytes in all.</param>
    /// <param name="elapsed">Time since the run started.</param>
    /// <param name="bytesPerSecond">The speed measured so far, or null before it can be.</param>
    /// <param name="filesPerSecond">The same in files, for documents of unknown size.</param>
    /// <param name="final">True for the last line, which gives the time taken instead of the time left.</param>
    public static string Format(int files, int totalFiles, long bytes, long totalBytes, TimeSpan elapsed, double? bytesPerSecond, double? filesPerSecond, bool final)
    {
        var text = new StringBuilder("notelsp : ");
        text.Append(CultureInfo.InvariantCulture, $"{files}/{totalFiles} fichier(s) · {Megabytes(bytes)}/{Megabytes(totalBytes)} Mo");
        var rate = final ? bytes / Math.Max(elapsed.TotalSeconds, 0.001) : bytesPerSecond;
        if (rate is { } speed)
        {
            text.Append(" · ").Append(Decimal(speed / 1e6)).Append(" Mo/s");
        }

        if (final)
        {
            text.Append(" · en ").Append(Duration(elapsed));
        }
        else if (bytesPerSecond is > 0 && totalBytes > bytes)
        {
            text.Append(" · reste ").Append(Duration(TimeSpan.FromSeconds((totalBytes - bytes) / bytesPerSecond.Value)));
        }
        else if (filesPerSecond is > 0 && totalFiles > files)
        {
            text.Append(" · reste ").Append(Duration(TimeSpan.FromSeconds((totalFiles - files) / filesPerSecond.Value)));
        }

        return text.ToString();
    }

    private void Draw(bool final)
    {
        // The speed is measured from the first file done, so that loading the rules does not count as slowness.
        var elapsed = _clock.Elapsed;
        double? bytesPerSecond = null, filesPerSecond = null;
        if (_first is { } first && _files > first.Files && elapsed - first.At is { TotalSeconds: > 0.05 } measured)
        {
            bytesPerSecond = (_bytes - first.Bytes) / measured.TotalSeconds;
            filesPerSecond = (_files - first.Files) / measured.TotalSeconds;
        }

        var line = Format(_files, _totalFiles, _bytes, _totalBytes, elapsed, bytesPerSecond, filesPerSecond, final);
        // Spaces cover what is left of a longer line drawn before.
        _stderr.Write('\r');
        _stderr.Write(line.PadRight(_shownLength));
        _stderr.Flush();
        _shownLength = line.Length;
        _lastDraw = _clock.Elapsed;
    }

    private void Wipe()
    {
        lock (_lock)
        {
            if (_shownLength > 0)
            {
                _stderr.Write('\r');
                _stderr.Write(new string(' ', _shownLength));
                _stderr.Write('\r');
                _shownLength = 0;

                // The line comes back at the next file, not later than usual.
                _lastDraw = null;
            }
        }
    }

    private static string Megabytes(long bytes) => Decimal(bytes / 1e6);

    private static string Decimal(double value) => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Duration(TimeSpan time) => time.TotalSeconds switch
    {
        < 10 => $"{Decimal(time.TotalSeconds)} s",
        < 60 => $"{(int)time.TotalSeconds} s",
        < 3600 => $"{(int)time.TotalMinutes} min {time.Seconds:00} s",
        _ => $"{(int)time.TotalHours} h {time.Minutes:00} min",
    };

    // Standard error for the other messages: each write wipes the progress line first.
    private sealed class WipingWriter(ProgressLine progress) : TextWriter
    {
        public override Encoding Encoding => progress._stderr.Encoding;

        public override void Write(char value)
        {
            progress.Wipe();
            progress._stderr.Write(value);
        }

        public override void Write(string? value)
        {
            progress.Wipe();
            progress._stderr.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            progress.Wipe();
            progress._stderr.Write(buffer, index, count);
        }

        public override void WriteLine(string? value)
        {
            progress.Wipe();
            progress._stderr.WriteLine(value);
        }

        public override void Flush() => progress._stderr.Flush();
    }
}
