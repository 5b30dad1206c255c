using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Identity.Domain;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Kernel.Validation;

namespace StudyHub.Identity.Features;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName, string? Role, DateOnly? BirthDate);

public sealed record RegisteredUser(Guid Id, string Email, string DisplayName, string Role, bool AwaitingParentalConsent);

/// <summary>Creates a student, teacher or parent account. Admins are made only by the demo data or the command line.</summary>
internal sealed class Register(AccountProvisioning provisioning, TimeProvider clock)
{
    private static readonly Role[] SelfServiceRoles = [Role.Student, Role.Teacher, Role.Parent];

    public async Task<RegisteredUser> HandleAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new FieldErrors();
        var email = AccountRules.ValidateEmail(errors, request.Email);
        AccountRules.ValidatePassword(errors, "password", request.Password, request.Email);
        AccountRules.ValidateDisplayName(errors, "displayName", request.DisplayName);

        Role role = default;
        if (string.IsNullOrWhiteSpace(request.Role))
        {
            errors.Add("role", "is required: student, teacher or parent.");
        }
        else if (!AccountRules.TryParseRole(request.Role, out role) || !SelfServiceRoles.Contains(role))
        {
            errors.Add("role", "must be student, teacher or parent.");
        }

        if (role == Role.Student)
        {
            if (request.BirthDate is not { } birth)
            {
                errors.Add("birthDate", "is required for students (children under 13 need a parent's consent).");
            }
            else if (birth > today || birth < today.AddYears(-120))
            {
                errors.Add("birthDate", "must be a real date in the past.");
            }
            else if (birth > today.AddYears(-4))
            {
                errors.Add("birthDate", "students must be at least 4 years old.");
            }
        }

        errors.ThrowIfAny();

        var user = await provisioning.CreateAsync(email, request.Password, request.DisplayName, role, role == Role.Student ? request.BirthDate : null, cancellationToken);
        return new RegisteredUser(user.Id, user.Email, user.DisplayName, AccountRules.RoleName(user.Role), user.IsAwaitingConsent(today));
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/register", async Task<Created<RegisteredUser>> (RegisterRequest request, Register handler, CancellationToken ct) =>
            {
                var user = await handler.HandleAsync(request, ct);
                return TypedResults.Created("/api/v1/me", user);
            })
            .AllowAnonymous()
            .WithName("Register")
            .WithSummary("Create a student, teacher or parent account.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
