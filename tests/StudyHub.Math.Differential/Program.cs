using System.Text.Json;
using StudyHub.Math;

// The engine side of the differential test (tests/differential/differential.py): one problem per
// input line (a JSON string), one JSON object per output line with what the engine answered or
// how it refused. The Python side compares with SymPy; this program never judges.
var engine = new MathEngine();
var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
string? line;
while ((line = Console.ReadLine()) is not null)
{
    var problem = line.StartsWith('"') ? JsonSerializer.Deserialize<string>(line)! : line;
    object reply;
    try
    {
        var result = engine.Solve(problem);
        reply = new { kind = result.Kind.ToString(), answer = result.Answer, exact = result.ExactAnswers };
    }
    catch (MathEngineException e)
    {
        reply = new { error = e.Code, message = e.Message, word = e.Word, suggestion = e.Suggestion };
    }

    output.WriteLine(JsonSerializer.Serialize(reply, options));
}
