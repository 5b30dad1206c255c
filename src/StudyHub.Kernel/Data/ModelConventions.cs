using Microsoft.EntityFrameworkCore;

namespace StudyHub.Kernel.Data;

public static class ModelConventions
{
    /// <summary>Conventions every module's DbContext applies in <c>ConfigureConventions</c>.</summary>
    public static void ApplyStudyHubConventions(this ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
