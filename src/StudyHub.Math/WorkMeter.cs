namespace StudyHub.Math;

/// <summary>
/// Counts the work a single request does. Kept ambient (per thread) so deep algebra code does not
/// have to thread a context through every call; the facade opens a scope per request.
/// </summary>
internal sealed class WorkMeter
{
    [ThreadStatic]
    private static WorkMeter? _current;

    private long _spent;

    private WorkMeter(EngineLimits limits) => Limits = limits;

    public EngineLimits Limits { get; }

    public static WorkMeter Current => _current ??= new WorkMeter(EngineLimits.Default);

    public static EngineLimits CurrentLimits => Current.Limits;

    public static Scope Begin(EngineLimits limits)
    {
        var previous = _current;
        _current = new WorkMeter(limits);
        return new Scope(previous);
    }

    public static void Charge(long units)
    {
        var meter = Current;
        meter._spent += units;
        if (meter._spent > meter.Limits.MaxSteps)
        {
            // Reset so a long-lived thread without a scope does not stay poisoned.
            meter._spent = 0;
            throw new MathEngineException(ErrorCodes.Steps, "This problem needs too much work to solve here.");
        }
    }

    public readonly struct Scope : IDisposable
    {
        private readonly WorkMeter? _previous;

        internal Scope(WorkMeter? previous) => _previous = previous;

        public void Dispose() => _current = _previous;
    }
}
