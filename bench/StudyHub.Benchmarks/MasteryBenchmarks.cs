using BenchmarkDotNet.Attributes;
using StudyHub.Progress.Domain;

namespace StudyHub.Benchmarks;

/// <summary>The BKT update the answer handler runs once per first attempt.</summary>
public class MasteryUpdateBenchmarks
{
    private readonly BktParameters _parameters = BktParameters.Default;
    private double _pKnown = 0.25;
    private bool _correct;

    [Benchmark]
    public double UpdatePerAnswer()
    {
        _correct = !_correct;
        _pKnown = KnowledgeTracing.Update(_pKnown, _correct, _parameters);
        return _pKnown;
    }
}

/// <summary>EM refit of one skill: the 100,000-answer figure and how the cost grows with the data.</summary>
[MemoryDiagnoser]
public class MasteryRefitBenchmarks
{
    private AnswerSequences _data = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Answers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // 20 answers per student, simulated from known parameters as in the recovery test.
        var truth = new BktParameters(0.35, 0.12, 0.22, 0.07);
        var random = new Random(42);
        var sequences = new List<bool[]>();
        for (var s = 0; s < Answers / 20; s++)
        {
            var known = random.NextDouble() < truth.Prior;
            var answers = new bool[20];
            for (var t = 0; t < answers.Length; t++)
            {
                answers[t] = known ? random.NextDouble() >= truth.Slip : random.NextDouble() < truth.Guess;
                known = known || random.NextDouble() < truth.Learn;
            }

            sequences.Add(answers);
        }

        _data = AnswerSequences.From(sequences);
    }

    [Benchmark]
    public double Refit() => BktRefit.Fit(_data, BktParameters.Default).LogLikelihood;
}
