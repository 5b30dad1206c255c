using Microsoft.AspNetCore.Http.HttpResults;
using StudyHub.Kernel.Users;
using StudyHub.Kernel.Validation;
using StudyHub.Math;

namespace StudyHub.Server.Modules;

public sealed record SolveRequest(string? Problem);

public sealed record CheckRequest(string? Problem, string? Answer);

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
    }

    private static void Require(string field, string? value) => new FieldErrors().RequireText(field, value, int.MaxValue).ThrowIfAny();
}
