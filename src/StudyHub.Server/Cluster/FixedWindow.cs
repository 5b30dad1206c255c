namespace StudyHub.Server.Cluster;

/// <summary>
/// A fixed window every instance agrees on without talking to the others: windows are aligned to
/// the Unix epoch, so the window of an instant is <c>floor(t / length)</c> on every machine (with
/// clocks in step; NTP keeps them within milliseconds, far below a one-minute window).
/// </summary>
internal readonly record struct FixedWindow(long Index, TimeSpan Remaining)
{
    public static FixedWindow Of(DateTimeOffset now, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        var elapsed = now.ToUnixTimeMilliseconds();
        var lengthMs = (long)length.TotalMilliseconds;
        var index = System.Math.DivRem(elapsed, lengthMs, out var into);
        if (into < 0)
        {
            // Before 1970 (only in tests): floor, not truncation toward zero.
            index--;
            into += lengthMs;
        }

        return new FixedWindow(index, TimeSpan.FromMilliseconds(lengthMs - into));
    }
}
