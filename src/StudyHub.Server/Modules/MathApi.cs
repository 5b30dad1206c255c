using Microsoft.AspNetCore.Http.HttpResults;
using StudyHub.Kernel.Users;
using StudyHub.Kernel.Validation;
using StudyHub.Math;

namespace StudyHub.Server.Modules;

public sealed record SolveRequest(string? Problem);

public sealed record CheckRequest(string? Problem, string? Answer);

public sealed record HintRequest(string? Problem, int? Level);

public sealed record VariantsRequest(string? Problem, int? Count, int? Seed);

public sealed record DistractorsRequest(string? Problem, int? Count);

public sealed record ErrorSolutionRequest(string? Problem, int? Seed);

/// <summary>
/// The math engine over HTTP. The engine is a pure library; this is its only web surface. It counts
/// as an AI feature, so students under 13 need a parent's consent first.
/// </summary>
internal static class MathApi
{
    public static WebApplicationBuilder AddMathEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new MathEngine());
        return builder;
    }

    public static void MapMathEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var math = endpoints.MapGroup("/api/v1/math").RequireAuthorization().WithTags("Math");

        math.MapPost("/solve", async Task<Ok<SolveResult>> (SolveRequest request, MathEngine engine, IConsentGate consent, CancellationToken ct) =>
            {
                Require("problem", request.Problem);
                await consent.EnsureMayUseRestrictedFeaturesAsync(ct);
                return TypedResults.Ok(engine.Solve(request.Problem!));
            })
            .WithName("SolveProblem")
            .WithSummary("Solve a problem as a student writes it (\"2x+3=11\", \"factor x^2+7x+12\"): exact and decimal answers with worked steps.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        math.MapPost("/check", async Task<Ok<CheckResult>> (CheckRequest request, MathEngine engine, IConsentGate consent, CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                errors.RequireText("problem", request.Problem, int.MaxValue).RequireText("answer", request.Answer, int.MaxValue).ThrowIfAny();
                await consent.EnsureMayUseRestrictedFeaturesAsync(ct);
                return TypedResults.Ok(engine.Check(request.Problem!, request.Answer!));
            })
            .WithName("CheckAnswer")
            .WithSummary("Check a student's answer: correct, equivalent but not in the requested form, or incorrect with a reason.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        MapTeaching(math);
    }

    private static void MapTeaching(RouteGroupBuilder math)
    {
        math.MapPost("/hints", async Task<Ok<HintResult>> (HintRequest request, MathEngine engine, IConsentGate consent, CancellationToken ct) =>
            {
                var errors = new FieldErrors().RequireText("problem", request.Problem, int.MaxValue);
                if (request.Level is not (>= 1 and <= 4))
                {
                    errors.Add("level", "must be 1 (the idea), 2 (the first step), 3 (the operation) or 4 (what to review).");
                }

                errors.ThrowIfAny();
                await consent.EnsureMayUseRestrictedFeaturesAsync(ct);
                return TypedResults.Ok(engine.Hint(request.Problem!, request.Level!.Value));
            })
            .WithName("GetHint")
            .WithSummary("A hint at level 1–3 (idea, first step, operation) or 4 (what to review); never the answer.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        math.MapPost("/variants", async Task<Ok<IReadOnlyList<Variant>>> (VariantsRequest request, MathEngine engine, IConsentGate consent, CancellationToken ct) =>
            {
                var count = RequireProblemAndCount(request.Problem, request.Count, max: 20);
                await consent.EnsureMayUseRestrictedFeaturesAsync(ct);
                return TypedResults.Ok(engine.Variants(request.Problem!, count, request.Seed));
            })
            .WithName("GetVariants")
            .WithSummary("New problems of the same kind and difficulty, with clean answers.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        math.MapPost("/distractors", async Task<Ok<IReadOnlyList<Distractor>>> (DistractorsRequest request, MathEngine engine, IConsentGate consent, CancellationToken ct) =>
            {
                var count = RequireProblemAndCount(request.Problem, request.Count, max: 10);
                await consent.EnsureMayUseRestrictedFeaturesAsync(ct);
                return TypedResults.Ok(engine.Distractors(request.Problem!, count));
            })
            .WithName("GetDistractors")
            .WithSummary("Wrong answers from real misconceptions, each labelled; never equal to the right answer.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        math.MapPost("/error-solutions", async Task<Ok<ErrorSolution>> (ErrorSolutionRequest request, MathEngine engine, IConsentGate consent, CancellationToken ct) =>
            {
                Require("problem", request.Problem);
                await consent.EnsureMayUseRestrictedFeaturesAsync(ct);
                return TypedResults.Ok(engine.ErrorSolution(request.Problem!, request.Seed));
            })
            .WithName("GetErrorSolution")
            .WithSummary("A worked solution with exactly one wrong step, and which step it is (identify-the-error games).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Validates the problem and a count (default 3); returns the count.</summary>
    private static int RequireProblemAndCount(string? problem, int? count, int max)
    {
        var errors = new FieldErrors().RequireText("problem", problem, int.MaxValue);
        if (count is { } asked && (asked < 1 || asked > max))
        {
            errors.Add("count", $"must be between 1 and {max}.");
        }

        errors.ThrowIfAny();
        return count ?? 3;
    }

    private static void Require(string field, string? value) => new FieldErrors().RequireText(field, value, int.MaxValue).ThrowIfAny();
}
