using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Practice.Data;
using StudyHub.Practice.Features;
using StudyHub.Practice.Generation;
using StudyHub.Practice.Leaderboards;

namespace StudyHub.Practice;

/// <summary>Practice games: generation, game sessions with exact scoring, the learning-event log, flashcards (FSRS-6).</summary>
public static class PracticeModule
{
    public static WebApplicationBuilder AddPracticeModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModuleDbContext<PracticeDbContext>(PracticeDbContext.MigrationsHistoryTable);
        services.AddGroupCommit<PracticeDbContext>();
        services.AddOptions<PracticeOptions>().BindConfiguration(PracticeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MathQuestionGenerator>();
        services.AddSingleton<TextQuestionGenerator>();
        services.AddSingleton<IQuestionGenerator, SubjectQuestionGenerator>();
        services.AddSingleton<ChallengePacket>();

        services.AddScoped<StudyHub.Kernel.Learning.IGameResults, GameResults>();
        services.AddScoped<ILearningRecords, LearningRecords>();
        services.AddScoped<StudyHub.Kernel.Privacy.IPersonalDataContributor, PracticePersonalData>();
        services.AddScoped<CreateGame>();
        services.AddScoped<CreateHomeworkGame>();
        services.AddScoped<StartSession>();
        services.AddScoped<GetNextQuestion>();
        services.AddScoped<SubmitAnswer>();
        services.AddScoped<SessionCompletion>();
        services.AddScoped<UseHint>();
        services.AddScoped<IWorkedSolutions, RecordWorkedSolution>();
        services.AddScoped<IPracticeStanding, PracticeStandings>();
        services.AddScoped<GetSessionResults>();
        services.AddScoped<ReportQuestion>();
        services.AddScoped<PointsVoiding>();
        services.AddScoped<GetGameReview>();
        services.AddScoped<EditQuestion>();
        services.AddScoped<ResolveReports>();
        services.AddScoped<SetExtendedTime>();
        services.AddScoped<ClassPractice>();
        services.AddScoped<CreateTeachTheAiGame>();
        services.AddScoped<ILeaderboard, DatabaseLeaderboard>();
        services.AddSingleton<GlobalRankSnapshots>();
        services.AddScoped<LeaderboardPosting>();
        services.AddIntegrationEventHandler<StudyHub.Kernel.Users.ParentalConsentWithdrawn, LeaveGlobalBoardsOnConsentWithdrawn>();
        services.AddScoped<GetLeaderboard>();
        services.AddScoped<CreateFlashcardDeck>();
        services.AddScoped<GetFlashcardDecks>();
        services.AddScoped<GetDueFlashcards>();
        services.AddScoped<ReviewFlashcard>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPracticeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Practice");
        CreateGame.Map(api);
        CreateHomeworkGame.Map(api);
        StartSession.Map(api);
        GetNextQuestion.Map(api);
        SubmitAnswer.Map(api);
        UseHint.Map(api);
        GetSessionResults.Map(api);
        ReportQuestion.Map(api);
        GetGameReview.Map(api);
        EditQuestion.Map(api);
        ResolveReports.Map(api);
        SetExtendedTime.Map(api);
        CreateTeachTheAiGame.Map(api);
        ClassPractice.Map(api);
        GetLeaderboard.Map(api);
        CreateFlashcardDeck.Map(api);
        GetFlashcardDecks.Map(api);
        GetDueFlashcards.Map(api);
        ReviewFlashcard.Map(api);
        return endpoints;
    }
}
