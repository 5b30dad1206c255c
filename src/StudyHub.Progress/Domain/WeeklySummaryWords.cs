using System.Globalization;

namespace StudyHub.Progress.Domain;

/// <summary>
/// The weekly parent mail's words in each language a person can pick (<c>LanguageChoices</c>).
/// Counts are written as "label: number" so no language needs plural rules; dates use the
/// language's month names on the Gregorian calendar. Skill names come from the skill catalogue,
/// which is English only, so they stay English inside every language.
/// </summary>
/// <param name="SubjectOne">{0}: the child's name.</param>
/// <param name="Intro">{0}: the Sunday the week ended on.</param>
/// <param name="Idle">{0}: the child's name.</param>
/// <param name="Activity">{0}: name, {1}: practice sessions, {2}: points.</param>
/// <param name="WeakSpot">{0}: skill, {1}: percentage answered right.</param>
/// <param name="SeeOne">{0}: the child's name.</param>
/// <param name="DateFormat">The Sunday's format in this language (month names from its culture).</param>
internal sealed record WeeklySummaryWords(
    string Language,
    string SubjectOne,
    string SubjectMany,
    string Intro,
    string Idle,
    string Activity,
    string Mastered,
    string WeakSpots,
    string NoWeakSpots,
    string WeakSpot,
    string SeeOne,
    string SeeMany,
    string Footer,
    string DateFormat)
{
    public static readonly WeeklySummaryWords English = new(
        "en",
        "{0}'s week on StudyHub",
        "Your children's week on StudyHub",
        "Here is the week of practice that ended on Sunday {0}.",
        "{0} did not practise this week.",
        "{0} — practice sessions: {1}, points: {2}.",
        "Mastered this week: {0}.",
        "Weak spots: {0}.",
        "No weak spots.",
        "{0} ({1}% right)",
        "See {0}'s progress",
        "See your family",
        "You get this every Sunday evening because you asked for the weekly summary in your account's preferences; untick it there to stop it.",
        "d MMMM yyyy");

    public static IReadOnlyDictionary<string, WeeklySummaryWords> ByLanguage { get; } = new[]
    {
        English,
        new WeeklySummaryWords(
            "es",
            "La semana de {0} en StudyHub",
            "La semana de tus hijos en StudyHub",
            "Este es el resumen de la semana de práctica que terminó el domingo {0}.",
            "{0} no practicó esta semana.",
            "{0} — sesiones de práctica: {1}, puntos: {2}.",
            "Dominado esta semana: {0}.",
            "Puntos débiles: {0}.",
            "Sin puntos débiles.",
            "{0} ({1} % de aciertos)",
            "Ver el progreso de {0}",
            "Ver tu familia",
            "Recibes este correo cada domingo por la tarde porque pediste el resumen semanal en las preferencias de tu cuenta; desactívalo allí para dejar de recibirlo.",
            "d 'de' MMMM 'de' yyyy"),
        new WeeklySummaryWords(
            "fr",
            "La semaine de {0} sur StudyHub",
            "La semaine de vos enfants sur StudyHub",
            "Voici la semaine d'entraînement qui s'est terminée le dimanche {0}.",
            "{0} : pas d'entraînement cette semaine.",
            "{0} — séances d'entraînement : {1}, points : {2}.",
            "Maîtrisé cette semaine : {0}.",
            "Points faibles : {0}.",
            "Aucun point faible.",
            "{0} ({1} % de bonnes réponses)",
            "Voir la progression de {0}",
            "Voir votre famille",
            "Vous recevez ce message chaque dimanche soir parce que vous avez demandé le résumé hebdomadaire dans les préférences de votre compte ; décochez-le pour ne plus le recevoir.",
            "d MMMM yyyy"),
        new WeeklySummaryWords(
            "de",
            "Die Woche von {0} auf StudyHub",
            "Die Woche Ihrer Kinder auf StudyHub",
            "Hier ist die Übungswoche, die am Sonntag, {0}, endete.",
            "{0} hat diese Woche nicht geübt.",
            "{0} – Übungseinheiten: {1}, Punkte: {2}.",
            "Diese Woche gemeistert: {0}.",
            "Schwachstellen: {0}.",
            "Keine Schwachstellen.",
            "{0} ({1} % richtig)",
            "Fortschritt von {0} ansehen",
            "Ihre Familie ansehen",
            "Sie erhalten diese E-Mail jeden Sonntagabend, weil Sie die Wochenübersicht in Ihren Kontoeinstellungen angefordert haben; deaktivieren Sie sie dort, um sie abzubestellen.",
            "d. MMMM yyyy"),
        new WeeklySummaryWords(
            "pt",
            "A semana de {0} no StudyHub",
            "A semana dos seus filhos no StudyHub",
            "Este é o resumo da semana de prática que terminou no domingo, {0}.",
            "{0} não praticou esta semana.",
            "{0} — sessões de prática: {1}, pontos: {2}.",
            "Dominado esta semana: {0}.",
            "Pontos fracos: {0}.",
            "Nenhum ponto fraco.",
            "{0} ({1}% de acertos)",
            "Ver o progresso de {0}",
            "Ver a sua família",
            "Recebe este e-mail todos os domingos à noite porque pediu o resumo semanal nas preferências da sua conta; desative-o lá para deixar de o receber.",
            "d 'de' MMMM 'de' yyyy"),
        new WeeklySummaryWords(
            "it",
            "La settimana di {0} su StudyHub",
            "La settimana dei tuoi figli su StudyHub",
            "Ecco la settimana di esercizio che si è conclusa domenica {0}.",
            "{0} non ha fatto esercizi questa settimana.",
            "{0} — sessioni di esercizio: {1}, punti: {2}.",
            "Padroneggiato questa settimana: {0}.",
            "Punti deboli: {0}.",
            "Nessun punto debole.",
            "{0} ({1}% di risposte giuste)",
            "Vedi i progressi di {0}",
            "Vedi la tua famiglia",
            "Ricevi questa email ogni domenica sera perché hai chiesto il riepilogo settimanale nelle preferenze del tuo account; disattivalo lì per non riceverlo più.",
            "d MMMM yyyy"),
        new WeeklySummaryWords(
            "nl",
            "De week van {0} op StudyHub",
            "De week van je kinderen op StudyHub",
            "Dit is de oefenweek die eindigde op zondag {0}.",
            "{0} heeft deze week niet geoefend.",
            "{0} — oefensessies: {1}, punten: {2}.",
            "Deze week onder de knie: {0}.",
            "Zwakke punten: {0}.",
            "Geen zwakke punten.",
            "{0} ({1}% goed)",
            "Bekijk de voortgang van {0}",
            "Bekijk je gezin",
            "Je krijgt dit elke zondagavond omdat je het weekoverzicht hebt aangevraagd in de voorkeuren van je account; zet het daar uit om het niet meer te ontvangen.",
            "d MMMM yyyy"),
        new WeeklySummaryWords(
            "pl",
            "Podsumowanie tygodnia w StudyHub: {0}",
            "Tydzień Twoich dzieci w StudyHub",
            "Oto podsumowanie tygodnia nauki, który zakończył się w niedzielę {0}.",
            "{0}: brak ćwiczeń w tym tygodniu.",
            "{0} — sesje ćwiczeń: {1}, punkty: {2}.",
            "Opanowane w tym tygodniu: {0}.",
            "Słabe punkty: {0}.",
            "Brak słabych punktów.",
            "{0} ({1}% poprawnych odpowiedzi)",
            "Zobacz postępy: {0}",
            "Zobacz swoją rodzinę",
            "Otrzymujesz tę wiadomość w każdą niedzielę wieczorem, ponieważ w preferencjach konta włączono podsumowanie tygodniowe; wyłącz je tam, aby przestać ją otrzymywać.",
            "d MMMM yyyy"),
        new WeeklySummaryWords(
            "uk",
            "Підсумок тижня в StudyHub: {0}",
            "Тиждень ваших дітей у StudyHub",
            "Ось підсумок тижня навчання, що завершився в неділю, {0}.",
            "{0}: цього тижня без занять.",
            "{0} — сесії вправ: {1}, бали: {2}.",
            "Опановано цього тижня: {0}.",
            "Слабкі місця: {0}.",
            "Слабких місць немає.",
            "{0} ({1}% правильних відповідей)",
            "Переглянути прогрес: {0}",
            "Переглянути вашу родину",
            "Ви отримуєте цей лист щонеділі ввечері, бо ввімкнули щотижневий підсумок у налаштуваннях облікового запису; вимкніть його там, щоб більше не отримувати.",
            "d MMMM yyyy"),
        new WeeklySummaryWords(
            "ar",
            "أسبوع {0} على StudyHub",
            "أسبوع أطفالك على StudyHub",
            "إليك ملخص أسبوع التدريب الذي انتهى يوم الأحد {0}.",
            "{0}: لا تدريب هذا الأسبوع.",
            "{0} — جلسات التدريب: {1}، النقاط: {2}.",
            "المهارات المتقنة هذا الأسبوع: {0}.",
            "نقاط الضعف: {0}.",
            "لا توجد نقاط ضعف.",
            "{0} ({1}% إجابات صحيحة)",
            "عرض تقدم {0}",
            "عرض عائلتك",
            "تصلك هذه الرسالة كل مساء أحد لأنك طلبت الملخص الأسبوعي في تفضيلات حسابك؛ ألغِ تفعيله هناك لإيقافها.",
            "d MMMM yyyy"),
        new WeeklySummaryWords(
            "zh",
            "{0}在 StudyHub 上的一周",
            "您孩子在 StudyHub 上的一周",
            "以下是截至 {0}（星期日）的一周练习情况。",
            "{0}本周没有练习。",
            "{0} — 练习次数：{1}，积分：{2}。",
            "本周掌握：{0}。",
            "薄弱环节：{0}。",
            "没有薄弱环节。",
            "{0}（正确率 {1}%）",
            "查看{0}的进度",
            "查看您的家庭",
            "您在账户偏好设置中订阅了每周摘要，因此每个星期日晚上都会收到此邮件；在那里取消勾选即可停止。",
            "yyyy年M月d日"),
        new WeeklySummaryWords(
            "ja",
            "StudyHub での{0}さんの一週間",
            "StudyHub でのお子さまの一週間",
            "{0}（日）までの一週間の練習のまとめです。",
            "{0}さんは今週練習しませんでした。",
            "{0}さん — 練習セッション：{1}、ポイント：{2}。",
            "今週習得したスキル：{0}。",
            "苦手なところ：{0}。",
            "苦手なところはありません。",
            "{0}（正答率 {1}%）",
            "{0}さんの進捗を見る",
            "家族のページを見る",
            "アカウントの設定で週間サマリーを希望されたため、毎週日曜日の夕方にお送りしています。停止するには設定でチェックを外してください。",
            "yyyy年M月d日"),
        new WeeklySummaryWords(
            "ko",
            "StudyHub에서 보낸 {0}의 한 주",
            "StudyHub에서 보낸 자녀의 한 주",
            "{0}(일요일)에 끝난 한 주의 연습 요약입니다.",
            "{0}: 이번 주에는 연습하지 않았습니다.",
            "{0} — 연습 세션: {1}, 포인트: {2}.",
            "이번 주에 익힌 기술: {0}.",
            "취약한 부분: {0}.",
            "취약한 부분이 없습니다.",
            "{0} (정답률 {1}%)",
            "{0}의 진도 보기",
            "가족 보기",
            "계정 환경설정에서 주간 요약을 신청하셨기 때문에 매주 일요일 저녁에 이 메일을 받습니다. 그만 받으려면 그곳에서 선택을 해제하세요.",
            "yyyy년 M월 d일"),
        new WeeklySummaryWords(
            "hi",
            "StudyHub पर {0} का सप्ताह",
            "StudyHub पर आपके बच्चों का सप्ताह",
            "यह रविवार {0} को समाप्त हुए अभ्यास सप्ताह का सारांश है।",
            "{0} ने इस सप्ताह अभ्यास नहीं किया।",
            "{0} — अभ्यास सत्र: {1}, अंक: {2}।",
            "इस सप्ताह महारत हासिल की: {0}।",
            "कमज़ोर बिंदु: {0}।",
            "कोई कमज़ोर बिंदु नहीं।",
            "{0} ({1}% सही)",
            "{0} की प्रगति देखें",
            "अपना परिवार देखें",
            "आपको यह हर रविवार शाम मिलता है क्योंकि आपने अपने खाते की प्राथमिकताओं में साप्ताहिक सारांश चुना है; इसे रोकने के लिए वहाँ इसे बंद करें।",
            "d MMMM yyyy"),
        new WeeklySummaryWords(
            "vi",
            "Tuần của {0} trên StudyHub",
            "Tuần của các con bạn trên StudyHub",
            "Đây là tóm tắt tuần luyện tập kết thúc vào Chủ nhật, {0}.",
            "{0} không luyện tập tuần này.",
            "{0} — buổi luyện tập: {1}, điểm: {2}.",
            "Đã thành thạo trong tuần: {0}.",
            "Điểm yếu: {0}.",
            "Không có điểm yếu.",
            "{0} ({1}% đúng)",
            "Xem tiến độ của {0}",
            "Xem gia đình của bạn",
            "Bạn nhận được thư này vào mỗi tối Chủ nhật vì đã đăng ký bản tóm tắt hằng tuần trong phần tùy chọn tài khoản; hãy bỏ chọn ở đó để ngừng nhận.",
            "dd/MM/yyyy"),
        new WeeklySummaryWords(
            "tr",
            "StudyHub'da haftanın özeti: {0}",
            "Çocuklarınızın StudyHub'daki haftası",
            "{0} Pazar günü sona eren alıştırma haftasının özeti.",
            "{0} bu hafta alıştırma yapmadı.",
            "{0} — alıştırma oturumları: {1}, puan: {2}.",
            "Bu hafta ustalaşılan: {0}.",
            "Zayıf noktalar: {0}.",
            "Zayıf nokta yok.",
            "{0} (%{1} doğru)",
            "İlerlemeyi gör: {0}",
            "Ailenizi görün",
            "Hesap tercihlerinizde haftalık özeti istediğiniz için bunu her pazar akşamı alıyorsunuz; durdurmak için oradan kapatın.",
            "d MMMM yyyy"),
    }.ToDictionary(w => w.Language, StringComparer.OrdinalIgnoreCase);

    /// <summary>The words for a person's language; English for one without a translation.</summary>
    public static WeeklySummaryWords For(string? language) =>
        language is not null && ByLanguage.TryGetValue(language, out var words) ? words : English;

    /// <summary>Numbers and month names of the language, always on the Gregorian calendar (Arabic's default may be another).</summary>
    public CultureInfo Culture { get; } = GregorianCulture(Language);

    public string Format(string template, params object[] values) => string.Format(Culture, template, values);

    public string Date(DateOnly day) => day.ToString(DateFormat, Culture);

    private static CultureInfo GregorianCulture(string language)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(language).Clone();
        if (culture.DateTimeFormat.Calendar is not GregorianCalendar)
        {
            if (culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() is { } gregorian)
            {
                culture.DateTimeFormat.Calendar = gregorian;
            }
        }

        return culture;
    }
}
