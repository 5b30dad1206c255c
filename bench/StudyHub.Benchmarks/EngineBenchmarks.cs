using BenchmarkDotNet.Attributes;
using StudyHub.Math;
using StudyHub.Math.Algebra;
using StudyHub.Math.Syntax;

namespace StudyHub.Benchmarks;

/// <summary>Solve and check latency for the problems students send most often.</summary>
[MemoryDiagnoser]
public class SolveBenchmarks
{
    private readonly MathEngine _engine = new();

    [Benchmark]
    public SolveResult SolveLinear() => _engine.Solve("2(x-3) = 4x + 1");

    [Benchmark]
    public SolveResult SolveQuadratic() => _engine.Solve("x^2 - 5x + 3 = 0");

    [Benchmark]
    public SolveResult SolveSystem() => _engine.Solve("x + y = 10, x - y = 2");

    [Benchmark]
    public CheckResult CheckAnswer() => _engine.Check("x^2 - 5x + 6 = 0", "x = 3 or x = 2");
}

/// <summary>Parse and simplify growth with the number of terms.</summary>
[MemoryDiagnoser]
public class SizeBenchmarks
{
    private string _text = string.Empty;

    [Params(10, 100, 1000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Alternating terms keep it under the 2,000-character problem limit only for small sizes,
        // so this exercises the internal parser and polynomial code directly.
        _text = string.Join(" + ", Enumerable.Range(1, Terms).Select(i => $"{i % 7 + 1}x^{i % 5}"));
    }

    [Benchmark]
    public object Parse() => Parser.ParseExpression(_text);

    [Benchmark]
    public string ParseAndSimplify()
    {
        // Internal calls need a per-request work budget, as the facade opens for every call.
        using var scope = WorkMeter.Begin(EngineLimits.Default);
        return AlgebraicReader.ToFraction(Parser.ParseExpression(_text)).ToString();
    }
}

/// <summary>How long it takes to reject hostile inputs (each must end in the engine's own error).</summary>
public class HostileBenchmarks
{
    private readonly MathEngine _engine = new();
    private readonly string _longInput = new('1', 100_000);
    private readonly string _deepInput = new string('(', 900) + "1" + new string(')', 900);
    private readonly string _hugeExponent = "2^" + new string('9', 250);

    [Benchmark]
    public string LongInput() => Reject(_longInput);

    [Benchmark]
    public string DeepNesting() => Reject(_deepInput);

    [Benchmark]
    public string PowerTower() => Reject("10^10^10");

    [Benchmark]
    public string HugeExponent() => Reject(_hugeExponent);

    [Benchmark]
    public string HugeExpansion() => Reject("expand (a+b+c+d+e+f+g)^30");

    private string Reject(string problem)
    {
        try
        {
            _engine.Solve(problem);
            return "accepted";
        }
        catch (MathEngineException e)
        {
            return e.Code;
        }
    }
}
