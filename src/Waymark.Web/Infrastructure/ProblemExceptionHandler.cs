using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// Thrown by API code when the caller sent something we cannot accept. Carries a stable error code
/// and the offending parameters, and becomes a 400 application/problem+json.
/// </summary>
public sealed class BadRequestException(string code, string detail, IDictionary<string, string[]> errors) : Exception(detail)
{
    public string Code { get; } = code;
    public IDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>More members for the problem document, such as <c>near_candidates</c> (README, match API).</summary>
    public IReadOnlyDictionary<string, object> Extensions { get; init; } = new Dictionary<string, object>();

    public static BadRequestException ForParameter(string parameter, string message) =>
        new("invalid-parameter", message, new Dictionary<string, string[]> { [parameter] = [message] });
}

/// <summary>One place where API exceptions become RFC 9457 problem details; pages get the error page instead.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsApi(context.Request.Path))
        {
            logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
            return false;
        }

        ProblemDetails problem;
        if (exception is BadRequestException bad)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            problem = new ValidationProblemDetails(bad.Errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Some of the request could not be understood",
                Detail = bad.Message,
                Type = $"https://waymark.example/problems/{bad.Code}",
            };
            problem.Extensions["code"] = bad.Code;
            foreach (var (name, value) in bad.Extensions)
            {
                problem.Extensions[name] = value;
            }
        }
        else
        {
            logger.LogError(exception, "Unhandled API error on {Path}", context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on our side",
                Type = "https://waymark.example/problems/internal",
            };
            problem.Extensions["code"] = "internal";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/oruk", StringComparison.OrdinalIgnoreCase);
}
