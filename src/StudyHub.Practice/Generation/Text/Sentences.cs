using System.Text;
using System.Text.RegularExpressions;

namespace StudyHub.Practice.Generation.Text;

/// <summary>
/// Splits extracted homework text into sentences. Lines wrapped by a PDF or a photo are joined
/// again (a line that does not end a sentence and is followed by one starting in lower case);
/// list lines ("1. …", "- …", "Noun: …") stay sentences of their own; a full stop after an
/// abbreviation or an initial ("Mr.", "e.g.", "J. Watt") does not end a sentence.
/// </summary>
internal static partial class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "prof", "sr", "jr", "vs", "etc", "e.g", "i.e", "eg", "ie", "no", "fig", "approx", "ca", "c", "cf", "mt", "ft",
    };

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        foreach (var block in Blocks(text))
        {
            var start = 0;
            for (var i = 0; i < block.Length; i++)
            {
                if (block[i] is not ('.' or '!' or '?') || !EndsSentence(block, i))
                {
                    continue;
                }

                Add(sentences, block[start..(i + 1)]);
                start = i + 1;
            }

            Add(sentences, block[start..]);
        }

        return sentences;
    }

    /// <summary>Paragraphs and list lines, each on one line with single spaces.</summary>
    private static List<string> Blocks(string text)
    {
        var blocks = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = Spaces().Replace(raw, " ").Trim();
            var continues = current.Length > 0 && line.Length > 0 && char.IsLower(line[0])
                && current[^1] is not ('.' or '!' or '?' or ':');
            if (line.Length == 0 || (!continues && current.Length > 0))
            {
                Flush(blocks, current);
            }

            if (line.Length > 0)
            {
                current.Append(current.Length > 0 ? " " : "").Append(line);
            }
        }

        Flush(blocks, current);
        return blocks;
    }

    private static void Flush(List<string> blocks, StringBuilder current)
    {
        if (current.Length > 0)
        {
            blocks.Add(current.ToString());
            current.Clear();
        }
    }

    /// <summary>A terminator ends a sentence when a space and a capital, digit or quote follow, and it does not close an abbreviation or initial.</summary>
    private static bool EndsSentence(string block, int i)
    {
        if (i == block.Length - 1)
        {
            return true;
        }

        if (block[i + 1] != ' ' || i + 2 >= block.Length || !(char.IsUpper(block[i + 2]) || char.IsDigit(block[i + 2]) || block[i + 2] is '"' or '“' or '('))
        {
            return false;
        }

        if (block[i] != '.')
        {
            return true;
        }

        var wordStart = i;
        while (wordStart > 0 && block[wordStart - 1] != ' ')
        {
            wordStart--;
        }

        var word = block[wordStart..i].TrimStart('(', '"', '“');
        var isInitial = word.Length == 1 && char.IsUpper(word[0]);
        var isListNumber = wordStart == 0 && word.All(char.IsDigit);
        return !isInitial && !isListNumber && !Abbreviations.Contains(word);
    }

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Any(char.IsLetter))
        {
            sentences.Add(trimmed);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
