using System.Globalization;
using System.Text.RegularExpressions;

namespace StudyHub.Practice.Generation.Text;

/// <summary>What kind of thing a key term is; distractors are always of the answer's kind.</summary>
internal enum TermKind
{
    /// <summary>A defined word or phrase ("photosynthesis", "noun").</summary>
    Concept,

    /// <summary>A capitalised name ("National Assembly", "Robespierre").</summary>
    Name,

    /// <summary>A year ("1789").</summary>
    Year,
}

/// <summary>A key term; <paramref name="Category"/> is the head noun of its definition ("pigment", "word"), when it has one.</summary>
internal sealed record KeyTerm(string Text, TermKind Kind, string? Definition, string? Category, string Sentence);

/// <summary>Something that happened at a date the text gives; <see cref="Text"/> no longer contains the date.</summary>
internal sealed record DatedEvent(string Text, int Year, int Month, int Day, string Sentence);

/// <summary>The key terms, definitions, dated events and steps of a text (see <see cref="Read"/>).</summary>
internal sealed partial record TextFacts(
    IReadOnlyList<string> Sentences,
    IReadOnlyList<KeyTerm> Terms,
    IReadOnlyList<DatedEvent> Events,
    IReadOnlyList<string> Steps)
{
    public IEnumerable<KeyTerm> Defined => Terms.Where(t => t.Definition is not null);

    /// <summary>
    /// Plain, explainable extraction: definitions by pattern ("X is/are/was a …", "X means …",
    /// "X refers to …", "… is called X", glossary lines "X: …" or "X – …"); names as runs of
    /// capitalised words not merely starting a sentence; years and full dates ("14 July 1789",
    /// "July 14, 1789") with the sentence they date; steps as numbered lines or sentences led by
    /// first/then/next/finally.
    /// </summary>
    public static TextFacts Read(string text)
    {
        // A long upload is read up to a bound: enough prose for a game, bounded work per request.
        if (text.Length > MaxCharacters)
        {
            text = text[..MaxCharacters];
        }

        var sentences = global::StudyHub.Practice.Generation.Text.Sentences.Split(text);
        var terms = new List<KeyTerm>();
        foreach (var sentence in sentences)
        {
            if (DefinitionIn(sentence) is { } definition && terms.All(t => !Same(t.Text, definition.Text)))
            {
                terms.Add(definition);
            }
        }

        foreach (var sentence in sentences)
        {
            foreach (var name in NamesIn(sentence, sentences))
            {
                if (terms.All(t => !Same(t.Text, name)))
                {
                    terms.Add(new KeyTerm(name, TermKind.Name, null, null, sentence));
                }
            }
        }

        var events = sentences.Select(EventIn).OfType<DatedEvent>()
            .GroupBy(e => (e.Year, e.Month, e.Day)).Where(g => g.Count() == 1).Select(g => g.Single())
            .ToList();
        foreach (var year in events.Select(e => e.Year).Distinct())
        {
            terms.Add(new KeyTerm(year.ToString(CultureInfo.InvariantCulture), TermKind.Year, null, null, events.First(e => e.Year == year).Sentence));
        }

        return new TextFacts(sentences, terms, events, StepsIn(sentences));
    }

    public const int MaxCharacters = 30_000;

    /// <summary>Words that are never a term on their own (pronouns, determiners, signal words).</summary>
    internal static readonly HashSet<string> NotTerms = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "this", "that", "these", "those", "they", "there", "he", "she", "we", "you", "i", "which", "what", "who", "here", "one",
        "the", "a", "an", "another", "each", "every", "some", "all", "most", "many", "such", "its", "their", "his", "her", "our",
        "first", "then", "next", "finally", "after", "before", "when", "while", "in", "on", "at", "by", "during", "later", "today",
        "answer", "question", "example", "note", "name", "date", "homework", "exercise", "task", "step",
    };

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static KeyTerm? DefinitionIn(string sentence)
    {
        var body = ListMarker().Replace(sentence, "").TrimEnd('.', '!', ';').Trim();
        if (Glossary().Match(body) is { Success: true } glossary)
        {
            return DefinedTerm(glossary.Groups["term"].Value, glossary.Groups["def"].Value, sentence);
        }

        if (CalledForm().Match(body) is { Success: true } called)
        {
            return DefinedTerm(called.Groups["term"].Value, called.Groups["def"].Value, sentence);
        }

        if (MeansForm().Match(body) is { Success: true } means)
        {
            return DefinedTerm(means.Groups["term"].Value, means.Groups["def"].Value, sentence);
        }

        return CopulaForm().Match(body) is { Success: true } copula
            ? DefinedTerm(copula.Groups["term"].Value, copula.Groups["def"].Value, sentence)
            : null;
    }

    private static KeyTerm? DefinedTerm(string rawTerm, string rawDefinition, string sentence)
    {
        var term = LeadingArticle().Replace(rawTerm.Trim().Trim('"', '“', '”', '*'), "");
        var definition = rawDefinition.Trim().TrimEnd('.', ';', ',').Trim();
        var termWords = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var definitionWords = definition.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (termWords.Length is 0 or > 4 || definitionWords.Length < 3 || definitionWords.Length > 40
            || termWords.Any(w => NotTerms.Contains(w) && termWords.Length == 1) || NotTerms.Contains(termWords[0])
            || term.Any(char.IsDigit) || !char.IsLetter(term[0]) || Contains(definition, term))
        {
            return null;
        }

        // A term capitalised only because it starts the sentence is written as the text writes it elsewhere.
        var kind = termWords.Length > 1 && termWords.All(w => char.IsUpper(w[0])) ? TermKind.Name : TermKind.Concept;
        if (kind == TermKind.Concept && termWords.Length == 1 && sentence.Contains(" " + term.ToLowerInvariant() + " ", StringComparison.Ordinal))
        {
            term = term.ToLowerInvariant();
        }

        return new KeyTerm(term, kind, definition, CategoryOf(definition), sentence);
    }

    /// <summary>The head noun of a definition: "a green pigment that …" → "pigment"; "the process by which …" → "process".</summary>
    private static string? CategoryOf(string definition)
    {
        var words = definition.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var stop = Array.FindIndex(words, w => w.EndsWith(',') || RelativeWords.Contains(w));
        if (stop <= 0)
        {
            return null;
        }

        var head = words[stop - 1].TrimEnd(',').ToLowerInvariant();
        return NotTerms.Contains(head) || head.Length < 3 ? null : head.TrimEnd('s');
    }

    private static readonly HashSet<string> RelativeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "which", "who", "whose", "where", "whom", "by", "of", "in", "for", "with", "from", "to", "used", "made", "found", "between", "on",
    };

    /// <summary>Capitalised runs (with "of", "the", "de" … inside) that are names, not just a capital at a sentence's start.</summary>
    private static IEnumerable<string> NamesIn(string sentence, IReadOnlyList<string> all)
    {
        var body = ListMarker().Replace(sentence, "");
        foreach (Match match in CapitalisedRun().Matches(body))
        {
            var words = match.Value.Split(' ').ToList();
            var atStart = match.Index == 0;
            while (words.Count > 0 && (NotTerms.Contains(words[0]) || Months.Contains(words[0].ToLowerInvariant())))
            {
                words.RemoveAt(0);
                atStart = false;
            }

            while (words.Count > 0 && (Joiners.Contains(words[^1]) || Months.Contains(words[^1].ToLowerInvariant())))
            {
                words.RemoveAt(words.Count - 1);
            }

            if (words.Count == 0)
            {
                continue;
            }

            var name = string.Join(' ', words);
            // A single capitalised word counts as a name when the text also capitalises it mid-sentence.
            var midSentence = !atStart || all.Any(s => s.Contains(" " + name, StringComparison.Ordinal));
            if (words.Count >= 2 || (midSentence && name.Length >= 4 && all.Any(s => s.IndexOf(name, StringComparison.Ordinal) > 0)))
            {
                yield return name;
            }
        }
    }

    private static readonly HashSet<string> Joiners = new(StringComparer.Ordinal) { "of", "the", "de", "du", "la", "von", "van", "and" };

    private static DatedEvent? EventIn(string sentence)
    {
        var years = Year().Matches(sentence);
        if (years.Count != 1 || !DatingYear().IsMatch(sentence) || sentence.EndsWith('?') || sentence.Split(' ').Length < 5)
        {
            return null;
        }

        var year = int.Parse(years[0].Value, CultureInfo.InvariantCulture);
        int month = 0, day = 0;
        var date = FullDate().Match(sentence);
        if (date.Success)
        {
            month = Array.IndexOf(Months, date.Groups["month"].Value.ToLowerInvariant()) + 1;
            day = int.Parse(date.Groups["day"].Value, CultureInfo.InvariantCulture);
        }

        // The event's words without its date: "In 1789, the Estates-General met." → "The Estates-General met".
        var withoutDate = DatePhrase().Replace(ListMarker().Replace(sentence, ""), " ");
        var text = Spaces().Replace(withoutDate, " ").Trim(' ', ',', '.', ';', ':', '-', '–');
        if (text.Split(' ').Length < 3 || Year().IsMatch(text))
        {
            return null;
        }

        return new DatedEvent(char.ToUpperInvariant(text[0]) + text[1..], year, month, day, sentence);
    }

    /// <summary>Numbered lines in sequence (1., 2., 3. …), else sentences led by first … then … finally.</summary>
    private static List<string> StepsIn(IReadOnlyList<string> sentences)
    {
        // A numbered list is a sequence of steps only in a text about a process (a numbered worksheet or glossary is not).
        var aboutProcess = sentences.Any(s => ProcessWord().IsMatch(s));
        var numbered = new List<string>();
        foreach (var sentence in sentences)
        {
            var marker = NumberedStep().Match(sentence);
            if (!aboutProcess || sentence.EndsWith('?') || DefinitionIn(sentence) is not null)
            {
                continue;
            }

            if (marker.Success && int.Parse(marker.Groups["n"].Value, CultureInfo.InvariantCulture) == numbered.Count + 1)
            {
                numbered.Add(sentence[marker.Length..].Trim());
            }
            else if (marker.Success && marker.Groups["n"].Value == "1")
            {
                numbered = [sentence[marker.Length..].Trim()];
            }
        }

        if (numbered.Count >= 3)
        {
            return [.. numbered.Select(Capitalise)];
        }

        var signalled = new List<string>();
        foreach (var sentence in sentences)
        {
            var signal = SignalWord().Match(sentence);
            if (signal.Success && (signalled.Count > 0 || signal.Groups["w"].Value.StartsWith("first", StringComparison.OrdinalIgnoreCase)))
            {
                signalled.Add(Capitalise(sentence[signal.Length..].Trim()));
                if (signal.Groups["w"].Value.ToLowerInvariant() is "finally" or "lastly")
                {
                    break;
                }
            }
        }

        return signalled.Count >= 3 ? signalled : [];
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Whether <paramref name="text"/> contains <paramref name="term"/> as whole words, ignoring case.</summary>
    public static bool Contains(string text, string term)
    {
        if (term.Length == 0)
        {
            return false;
        }

        for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + term.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?:\d{1,2}[.)]|[-•*]|Step \d+[:.])\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(?:the|a|an)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"^(?<term>[\p{L}][\p{L}\p{M}'’ -]{0,48}?)\s*(?::|\s[–—-])\s+(?<def>\S.+)$")]
    private static partial Regex Glossary();

    [GeneratedRegex(@"^(?<def>.{8,}?)\s+(?:is|are) called\s+(?<term>[\p{L}][\p{L}\p{M}'’ -]{1,40})$", RegexOptions.IgnoreCase)]
    private static partial Regex CalledForm();

    [GeneratedRegex(@"^(?<term>(?:(?:the|a|an)\s+)?[\p{L}][\p{L}\p{M}'’-]*(?:\s+[\p{L}][\p{L}\p{M}'’-]*){0,3})\s+(?:means|refers to|is defined as|are defined as|is the name for)\s+(?<def>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex MeansForm();

    [GeneratedRegex(@"^(?<term>(?:(?:The|A|An)\s+)?[\p{L}][\p{L}\p{M}'’-]*(?:\s+[\p{L}][\p{L}\p{M}'’-]*){0,3})\s+(?:is|are|was|were)\s+(?<def>(?:(?:also\s+)?(?:a|an|the|one of|any|each)|(?!(?:always|sometimes|perhaps|thus|less|was|has|is|this|his|its|across|as|us|famous|dangerous|serious|nervous|obvious|previous|various|numerous)\b)(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}]+s)\s.+)$")]
    private static partial Regex CopulaForm();

    [GeneratedRegex(@"\b(?:[A-Z][\p{L}'’-]+|[IVX]{1,4})(?:\s+(?:(?:of|the|de|du|la|von|van|and)\s+)*(?:[A-Z][\p{L}'’-]+|[IVX]{1,4}\b))*")]
    private static partial Regex CapitalisedRun();

    [GeneratedRegex(@"(?<![\d,.])(?:1[0-9]{3}|20[0-9]{2})(?!\d|[,.]\d)")]
    private static partial Regex Year();

    /// <summary>A year the text dates something with: after in/on/by/since … or a month ("in 1789", "14 July 1789", "July 14, 1789").</summary>
    [GeneratedRegex(@"\b(?:in|on|by|during|from|since|until|of|to|year|January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:1[0-9]{3}|20[0-9]{2})(?!\d|[,.]\d)", RegexOptions.IgnoreCase)]
    private static partial Regex DatingYear();

    [GeneratedRegex(@"(?:(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>January|February|March|April|May|June|July|August|September|October|November|December)|(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?)\s+\d{4}")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?:\b(?:In|in|On|on|By|by|During|during|From|from|Since|since|Until|until)\s+)?(?:the\s+(?:early|late|summer of|spring of|autumn of|winter of)\s+)?(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+)?(?:1[0-9]{3}|20[0-9]{2})\b,?")]
    private static partial Regex DatePhrase();

    [GeneratedRegex(@"^(?:Step\s+)?(?<n>\d{1,2})[.):]\s+", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedStep();

    [GeneratedRegex(@"^(?<w>First(?:ly)?|Second(?:ly)?|Third(?:ly)?|Then|Next|After that|Afterwards|Finally|Lastly),?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SignalWord();

    [GeneratedRegex(@"\b(?:steps?|stages?|process|procedure|method|how to|instructions|sequence|cycle)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProcessWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
