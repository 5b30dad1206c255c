using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using StudyHub.Kernel.Errors;

namespace StudyHub.Server.Hosting;

/// <summary>Every error leaves the API as an RFC 9457 problem detail with a stable <c>code</c>.</summary>
internal static class ProblemDetailsMapping
{
    public const string TypeBase = "https://studyhub.dev/problems/";

    public static WebApplicationBuilder AddProblemDetailsMapping(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            context.ProblemDetails.Instance ??= http.Request.Path;
            context.ProblemDetails.Extensions["correlationId"] = CorrelationId.Get(http);
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
            if (!context.ProblemDetails.Extensions.ContainsKey("code"))
            {
                var code = CodeForStatus(context.ProblemDetails.Status ?? http.Response.StatusCode);
                context.ProblemDetails.Extensions["code"] = code;
                context.ProblemDetails.Type ??= TypeBase + code;
            }
        });
        builder.Services.AddExceptionHandler<StudyHubExceptionHandler>();

        // Minimal APIs swallow unreadable bodies into a bare 400 unless told to throw; throwing lets
        // the handler below say which field was wrong.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    public static string CodeForStatus(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "too_many_requests",
        503 => "unavailable",
        _ when status >= 500 => "server_error",
        _ => "error",
    };
}

internal sealed class StudyHubExceptionHandler(IProblemDetailsService problems, ILogger<StudyHubExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (ErrorPages.WantsHtml(httpContext))
        {
            // A browser's page request: the exception middleware re-executes it into the HTML error page.
            if (exception is not StudyHubException)
            {
                logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            }

            return false;
        }

        var problem = exception switch
        {
            ValidationFailedException validation => Validation(validation),
            StudyHubException known => Known(known),
            BadHttpRequestException badRequest => BadRequest(badRequest),
            _ => null,
        };

        if (problem is null)
        {
            if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
            {
                return true;
            }

            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on our side.",
                Detail = "The error has been logged. Try again, and quote the correlation id if it keeps happening.",
            };
            problem.Extensions["code"] = "server_error";
        }

        if (exception is TooManyAttemptsException tooMany)
        {
            httpContext.Response.Headers.RetryAfter = System.Math.Max(1, (int)System.Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var status = problem.Status ?? 500;
        problem.Type = ProblemDetailsMapping.TypeBase + (problem.Extensions["code"] as string);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Known(StudyHubException exception)
    {
        var problem = new ProblemDetails
        {
            Status = exception.StatusCode,
            Title = TitleFor(exception.StatusCode),
            Detail = exception.Message,
        };
        problem.Extensions["code"] = exception.Code;
        return problem;
    }

    private static HttpValidationProblemDetails Validation(ValidationFailedException exception)
    {
        var problem = new HttpValidationProblemDetails(exception.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
            Detail = string.Join(" ", exception.Errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}")),
        };
        problem.Extensions["code"] = exception.Code;
        return problem;
    }

    // Minimal APIs report unreadable bodies as BadHttpRequestException; say which field broke when JSON tells us.
    private static ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        var status = exception.StatusCode;
        var problem = new ProblemDetails { Status = status, Title = TitleFor(status) };
        if (exception.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            problem.Detail = $"The request body is not valid JSON for this endpoint (at '{field}', line {json.LineNumber + 1}).";
            problem.Extensions["code"] = "malformed_json";
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = ["could not be read as the expected type."] };
            return problem;
        }

        problem.Detail = status switch
        {
            413 => "The request body is larger than this endpoint accepts.",
            415 => "Send the body as application/json.",
            _ => exception.Message,
        };
        problem.Extensions["code"] = ProblemDetailsMapping.CodeForStatus(status) switch
        {
            "bad_request" when exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => "malformed_body",
            var code => code,
        };
        return problem;
    }

    private static string TitleFor(int status) => status switch
    {
        400 => "The request is not valid.",
        401 => "You need to sign in.",
        403 => "You may not do this.",
        404 => "Not found.",
        409 => "That conflicts with the current state.",
        413 => "The request is too large.",
        415 => "Unsupported content type.",
        429 => "Too many requests.",
        _ => "The request failed.",
    };
}
