using System.Reflection;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace StudyHub.Architecture.Tests;

/// <summary>
/// The modular monolith's boundaries, checked on the built assemblies. Modules are found by name
/// (every StudyHub.* assembly except Kernel, Math and the host), so a new module is covered as soon
/// as the host references it.
/// </summary>
public sealed class ModuleRulesTests
{
    private static readonly string[] NotModules = ["StudyHub.Kernel", "StudyHub.Math", "StudyHub.Server"];

    private static readonly Assembly Kernel = Load("StudyHub.Kernel");
    private static readonly Assembly MathEngine = Load("StudyHub.Math");

    public static IReadOnlyList<Assembly> Modules { get; } = Directory
        .GetFiles(AppContext.BaseDirectory, "StudyHub.*.dll")
        .Select(Path.GetFileNameWithoutExtension)
        .Where(name => !NotModules.Contains(name) && !name!.EndsWith(".Tests", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(name => Load(name!))
        .ToList();

    public static TheoryData<string> ModuleNames() => new(Modules.Select(m => m.GetName().Name!));

    [Fact]
    public void Modules_are_discovered_by_name()
    {
        Assert.Contains("StudyHub.Identity", Modules.Select(m => m.GetName().Name));
        Assert.DoesNotContain("StudyHub.Kernel", Modules.Select(m => m.GetName().Name));
    }

    [Fact]
    public void The_math_engine_references_no_aspnet_core_or_ef_core()
    {
        var result = Types.InAssembly(MathEngine).ShouldNot()
            .HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Npgsql")
            .GetResult();

        AssertPassed(result, "The math engine is a pure library");
    }

    [Fact]
    public void The_kernel_references_no_module()
    {
        var result = Types.InAssembly(Kernel).ShouldNot()
            .HaveDependencyOnAny(Modules.Select(m => m.GetName().Name!).ToArray())
            .GetResult();

        AssertPassed(result, "Kernel holds contracts every module may use, so it cannot know any module");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_uses_no_other_modules_internals_or_database(string moduleName)
    {
        var module = Modules.Single(m => m.GetName().Name == moduleName);
        var forbidden = Modules.Where(other => other != module)
            // Only the module's own namespaces: compiler-made types (<>z__ReadOnlyArray…) sit in the
            // global namespace of every assembly under the same name.
            .SelectMany(other => other.GetTypes().Where(type => type.Namespace?.StartsWith(other.GetName().Name!, StringComparison.Ordinal) == true))
            .Where(type => !IsPublicSurface(type) || typeof(DbContext).IsAssignableFrom(type))
            .Select(type => type.FullName!)
            .ToArray();
        if (forbidden.Length == 0)
        {
            return;
        }

        var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        AssertPassed(result, $"{moduleName} must go through other modules' public contracts (or Kernel's)");
    }

    [Fact]
    public void Every_dbcontext_is_internal_to_its_module()
    {
        var contexts = Types.InAssemblies([Kernel, .. Modules]).That().Inherit(typeof(DbContext));

        var result = contexts.Should().NotBePublic().GetResult();

        Assert.Contains(contexts.GetTypes(), type => type.Name == "AccountsDbContext");
        AssertPassed(result, "A module's DbContext is its own");
    }

    private static bool IsPublicSurface(Type type) =>
        type.IsPublic || (type.IsNestedPublic && type.DeclaringType is { } outer && IsPublicSurface(outer));

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static void AssertPassed(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}; offending types:\n" + string.Join("\n", result.FailingTypeNames ?? []));
}
