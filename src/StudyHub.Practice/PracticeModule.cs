using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace StudyHub.Practice;

/// <summary>Practice games: scoring, game sessions, flashcards (FSRS-6), streaks, badges and leaderboards.</summary>
public static class PracticeModule
{
    public static WebApplicationBuilder AddPracticeModule(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapPracticeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
