using System.Net;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Progress;

public sealed class ProgressExportTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_class_csv_has_a_row_per_student_and_neutralises_formula_names()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var mallory = await _factory.RegisterAndSignInAsync("student", displayName: "=HYPERLINK(\"http://evil.example\",\"x\")");
        var ada = await _factory.RegisterAndSignInAsync("student", displayName: "Ada");
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var adaClient = _factory.CreateClientFor(ada);
        var classroom = await ProgressApiTests.JoinNewClassroomAsync(_factory, teacherClient, mallory, ada);
        await ProgressApiTests.AnswerAsync(_factory, ada.Id, "math.fractions", Guid.NewGuid(), correct: true);

        var response = await teacherClient.GetAsync(new Uri($"/api/v1/classrooms/{classroom.Id}/progress.csv", UriKind.Relative));

        await ApiClient.EnsureSuccessAsync(response);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "Student,math.fractions,Skills mastered,Weak spots",
                "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",,0,0",
                "Ada,0.66,0,0",
            ],
            lines.OrderBy(l => l.StartsWith("Student", StringComparison.Ordinal) ? 0 : 1).ThenBy(l => l.StartsWith('A') ? 1 : 0));

        // The same access as the class view: a student of the class may not export it.
        await (await adaClient.GetAsync(new Uri($"/api/v1/classrooms/{classroom.Id}/progress.csv", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
