using Microsoft.AspNetCore.Http.HttpResults;
using StudyHub.Math;
using StudyHub.Server.Hosting;

namespace StudyHub.Server.Modules;

public sealed record SolveRequest(string? Problem);

public sealed record CheckRequest(string? Problem, string? Answer, bool? ShowSolution);

/// <summary>
/// A checked answer as the student sees it: the verdict and, on a wrong answer, the misconception
/// when one is recognised. The expected answer and the worked solution come back only when the
/// student asks to see the solution (<c>showSolution: true</c>), never while they are still trying.
/// </summary>
public sealed record CheckResponse(
    CheckOutcome Outcome,
    IncorrectReason Reason,
    string? Message,
    bool CountsAsCorrect,
    Misconception? Misconception,
    string StudentAnswer,
    SolveResult? Solution);

public sealed record HintRequest(string? Problem, int? Level);

public sealed record VariantsRequest(string? Problem, int? Count, int? Seed);

public sealed record DistractorsRequest(string? Problem, int? Count);

public sealed record ErrorSolutionRequest(string? Problem, int? Seed);

/// <summary>
/// The math engine over HTTP. The engine is a pure library; this is its only web surface. It counts
/// as an AI feature, so students under 13 need a parent's consent first: one filter on the group
/// checks that for every endpoint. Input longer than the engine's limit is refused here (400 with the
/// field); the engine's own refusals become 422 problems here, with its stable code.
/// </summary>
internal static class MathApi
{
    public static WebApplicationBuilder AddMathEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new MathEngine());
        builder.Services.AddScoped<MathHelp>();
        return builder;
    }

    public static void MapMathEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var math = endpoints.MapGroup("/api/v1/math").RequireAuthorization().WithTags("Math")
            .AddEndpointFilter(async (context, next) =>
            {
                var help = context.HttpContext.RequestServices.GetRequiredService<MathHelp>();
                await help.EnsureMayUseAsync(context.HttpContext.RequestAborted);
                return await next(context);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        math.MapPost("/solve", (SolveRequest request, MathHelp help) => Answer(() => help.Solve(request.Problem)))
            .WithName("SolveProblem")
            .WithSummary("Solve a problem as a student writes it (\"2x+3=11\", \"factor x^2+7x+12\"): exact and decimal answers with worked steps.");

        math.MapPost("/check", (CheckRequest request, MathHelp help, CancellationToken ct) => AnswerAsync(() => help.CheckAsync(request.Problem, request.Answer, request.ShowSolution == true, ct)))
            .WithName("CheckAnswer")
            .WithSummary("Check a student's answer: correct, equivalent but not in the requested form, or incorrect with a reason and the misconception when recognised. The solution only with showSolution, which counts for mastery as every hint used.");

        MapTeaching(math);
    }

    private static void MapTeaching(RouteGroupBuilder math)
    {
        math.MapPost("/hints", (HintRequest request, MathHelp help) => Answer(() => help.Hint(request.Problem, request.Level)))
            .WithName("GetHint")
            .WithSummary("A hint at level 1–3 (idea, first step, operation) or 4 (what to review); never the answer.");

        math.MapPost("/variants", (VariantsRequest request, MathHelp help) => Answer(() => help.Variants(request.Problem, request.Count, request.Seed)))
            .WithName("GetVariants")
            .WithSummary("New problems of the same kind and difficulty, with clean answers.");

        math.MapPost("/distractors", (DistractorsRequest request, MathHelp help) => Answer(() => help.Distractors(request.Problem, request.Count)))
            .WithName("GetDistractors")
            .WithSummary("Wrong answers from real misconceptions, each labelled; never equal to the right answer.");

        math.MapPost("/error-solutions", (ErrorSolutionRequest request, MathHelp help) => Answer(() => help.ErrorSolution(request.Problem, request.Seed)))
            .WithName("GetErrorSolution")
            .WithSummary("A worked solution with exactly one wrong step, and which step it is (identify-the-error games).");
    }

    /// <summary>
    /// Runs one engine call. The engine's refusals (its stable codes: parse.*, budget.*, domain.*,
    /// unsupported, not_understood) are the student's problem, answered as 422 with the code, the
    /// position and, for words, the word and a suggestion. "internal" is a bug and goes to the host (500).
    /// </summary>
    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Func<T> call)
    {
        try
        {
            return TypedResults.Ok(call());
        }
        catch (MathEngineException e) when (e.Code != ErrorCodes.Internal)
        {
            return Refusal(e);
        }
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> AnswerAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return TypedResults.Ok(await call());
        }
        catch (MathEngineException e) when (e.Code != ErrorCodes.Internal)
        {
            return Refusal(e);
        }
    }

    private static ProblemHttpResult Refusal(MathEngineException e)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = "math." + e.Code };
        if (e.Position is { } position)
        {
            extensions["position"] = position;
        }

        if (e.Word is { } word)
        {
            extensions["word"] = word;
        }

        if (e.Suggestion is { } suggestion)
        {
            extensions["suggestion"] = suggestion;
        }

        return TypedResults.Problem(
            detail: e.Message,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The math engine could not work with this problem.",
            type: ProblemDetailsMapping.TypeBase + "math." + e.Code,
            extensions: extensions);
    }
}
