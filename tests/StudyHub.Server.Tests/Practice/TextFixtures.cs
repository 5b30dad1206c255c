namespace StudyHub.Server.Tests.Practice;

/// <summary>Homework prose as students paste it: a biology paragraph, a history timeline, a grammar definition list.</summary>
internal static class TextFixtures
{
    public const string Photosynthesis = """
        Photosynthesis is the process by which green plants use sunlight to make glucose from carbon dioxide and water.
        It takes place mainly in the leaves, inside small structures called chloroplasts. Chlorophyll is a green pigment
        that absorbs light energy. Stomata are tiny pores on the underside of a leaf that let carbon dioxide in and oxygen out.
        Glucose is a simple sugar that the plant uses for energy and to build cellulose. Oxygen is released into the air as a
        by-product. The process has two stages. First, the light-dependent reactions capture energy from sunlight in the
        thylakoid membranes. Then, the energy is used to split water molecules, releasing oxygen. Finally, the Calvin cycle
        uses carbon dioxide to build glucose in the stroma.
        """;

    public const string FrenchRevolution = """
        The French Revolution: a timeline

        The French Revolution was a period of radical political change in France.
        On 5 May 1789, the Estates-General met at Versailles.
        On 20 June 1789, deputies of the Third Estate swore the Tennis Court Oath.
        On 14 July 1789, crowds in Paris stormed the Bastille, a royal fortress and prison.
        In August 1789, the National Assembly adopted the Declaration of the Rights of Man.
        In 1792, France became a republic.
        King Louis XVI was executed in January 1793.
        During the Reign of Terror, led by Robespierre, thousands were sent to the guillotine.
        Napoleon Bonaparte seized power in a coup in 1799.
        """;

    public const string Grammar = """
        Parts of speech

        Noun: a word that names a person, place, thing or idea.
        Verb: a word that expresses an action or a state of being.
        Adjective: a word that describes a noun.
        Adverb: a word that modifies a verb, an adjective or a whole sentence.
        Pronoun: a word that takes the place of a noun.
        Preposition: a word that shows how a noun relates to another word in the sentence.
        Conjunction: a word that joins words, phrases or clauses.
        """;

    /// <summary>Prose with nothing to ask about: no definitions, names, dates or steps.</summary>
    public const string NothingToAsk = """
        We had a nice time today. It was sunny and warm, so we stayed outside for a long while.
        Later it rained a little, but nobody minded very much.
        """;
}
