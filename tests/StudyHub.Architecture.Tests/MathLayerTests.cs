using System.Reflection;
using NetArchTest.Rules;

namespace StudyHub.Architecture.Tests;

/// <summary>
/// The math engine's layers run one way (issue #7): Numbers → Syntax → Reading → Algebra → Solving →
/// Checking → Teaching. A layer may use the ones before it, never one after it; the root namespace
/// holds the public contracts (results, errors, limits) every layer shares, and the facade
/// <c>MathEngine</c>, which is the only type allowed to use them all.
/// </summary>
public sealed class MathLayerTests
{
    private const string Root = "StudyHub.Math";

    private static readonly string[] Layers = ["Numbers", "Syntax", "Reading", "Algebra", "Solving", "Checking", "Teaching"];

    private static readonly Assembly Engine = Assembly.Load(new AssemblyName(Root));

    // Every layer but the last has later layers it must not use.
    public static TheoryData<string> LayersWithLaterOnes() => new(Layers[..^1]);

    [Theory]
    [MemberData(nameof(LayersWithLaterOnes))]
    public void A_layer_uses_no_layer_after_it(string layer)
    {
        var later = Layers.SkipWhile(l => l != layer).Skip(1).SelectMany(TypesOf).ToArray();
        Assert.NotEmpty(later);

        var result = Types.InAssembly(Engine).That().ResideInNamespace($"{Root}.{layer}").ShouldNot().HaveDependencyOnAny(later).GetResult();

        AssertPassed(result, $"{layer} may only use the layers before it ({string.Join(" → ", Layers)})");
    }

    [Fact]
    public void The_shared_contracts_use_no_layer()
    {
        var predicate = Types.InAssembly(Engine).That().ResideInNamespace(Root).And().DoNotHaveName("MathEngine");
        foreach (var layer in Layers)
        {
            predicate = predicate.And().DoNotResideInNamespace($"{Root}.{layer}");
        }

        var result = predicate.ShouldNot().HaveDependencyOnAny(Layers.SelectMany(TypesOf).ToArray()).GetResult();

        AssertPassed(result, "Results, errors and limits in the root namespace are shared by every layer, so they can use none");
    }

    [Fact]
    public void Every_engine_type_sits_in_a_layer_or_the_root()
    {
        var namespaces = Engine.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith(Root, StringComparison.Ordinal)).ToHashSet();

        // A new folder outside the listed layers would escape the rule above.
        Assert.DoesNotContain(namespaces, n => n != Root && !Layers.Contains(n[(Root.Length + 1)..]));
        Assert.All(Layers, layer => Assert.Contains($"{Root}.{layer}", namespaces));
    }

    private static IEnumerable<string> TypesOf(string layer) =>
        Engine.GetTypes().Where(t => t.Namespace == $"{Root}.{layer}").Select(t => t.FullName!);

    private static void AssertPassed(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}; offending types:\n" + string.Join("\n", result.FailingTypeNames ?? []));
}
