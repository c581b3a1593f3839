namespace Timmy.Core.Memory.Facts;

/// <summary>The word lists behind <see cref="FactRules"/>: words that follow "I'm" without being a name,
/// occupations that make "I'm a …" a job, and the like.</summary>
internal static class FactWords
{
    /// <summary>Words that can follow "I'm", "my name is" or "call me" without being a name: states,
    /// adjectives, adverbs, small words and nationalities.</summary>
    public static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "not", "so", "very", "just", "really", "also", "still", "too", "quite", "pretty", "kinda",
        "in", "on", "at", "from", "with", "by", "for", "of", "to", "into", "about", "over", "here", "there", "now",
        "this", "that", "it", "what", "who", "when", "where", "why", "how", "which", "something", "someone", "nobody",
        "tired", "sure", "fine", "good", "great", "ok", "okay", "alright", "happy", "sad", "sorry", "ready", "back",
        "done", "busy", "hungry", "thirsty", "bored", "confused", "lost", "new", "home", "glad", "excited", "afraid",
        "scared", "curious", "interested", "alone", "cold", "hot", "warm", "late", "early", "free", "available",
        "right", "wrong", "serious", "kidding", "joking", "stuck", "stressed", "worried", "angry", "upset", "well",
        "sick", "ill", "awake", "asleep", "exhausted", "married", "single", "divorced", "retired", "pregnant",
        "vegan", "vegetarian", "allergic", "fed", "full", "impressed", "amazed", "grateful", "thankful", "proud",
        "nervous", "anxious", "calm", "relaxed", "lonely", "sleepy", "drunk", "hungover", "broke", "rich", "poor",
        "old", "young", "big", "small", "tall", "short", "long", "hard", "easy", "weird", "strange", "unusual",
        "difficult", "complicated", "funny", "boring", "common", "rare", "private", "secret", "unknown",
        "irrelevant", "unimportant", "out", "off", "up", "down", "away", "later", "soon",
        "tomorrow", "today", "tonight", "anytime", "anything", "whatever", "crazy", "mad", "silly", "stupid",
        "dumb", "lucky", "blessed", "bad", "terrible", "awful", "excellent", "amazing", "awesome", "cool", "honest",
        "certain", "positive", "convinced", "aware", "unsure", "uncertain", "finished", "leaving", "going",
        "trying", "looking", "thinking", "working", "wondering", "starving", "feeling", "getting", "coming",
        "english", "american", "british", "french", "german", "spanish", "portuguese", "italian", "dutch",
        "irish", "scottish", "welsh", "canadian", "australian", "indian", "chinese", "japanese", "korean",
        "brazilian", "mexican", "russian", "polish", "swedish", "norwegian", "danish", "finnish", "greek",
        "turkish", "african", "european", "asian", "latino", "latina", "jewish", "muslim", "christian", "catholic",
        "buddhist", "hindu", "atheist", "gay", "straight", "bi", "trans", "male", "female", "human", "alive",
        "dead", "mr", "mrs", "ms", "dr", "sir", "madam", "everyone", "anyone", "yours", "mine", "his", "hers",
    };

    /// <summary>Occupations that make "I'm a …" a statement of what the owner does for work.</summary>
    public static readonly HashSet<string> Occupations = new(StringComparer.OrdinalIgnoreCase)
    {
        "teacher", "nurse", "doctor", "physician", "surgeon", "dentist", "pharmacist", "paramedic", "midwife",
        "engineer", "developer", "programmer", "coder", "architect", "designer", "lawyer", "attorney", "solicitor",
        "barrister", "judge", "accountant", "bookkeeper", "auditor", "banker", "economist", "analyst", "consultant",
        "manager", "director", "executive", "entrepreneur", "founder", "writer", "author", "novelist", "poet",
        "journalist", "editor", "translator", "interpreter", "student", "researcher", "scientist", "professor",
        "lecturer", "tutor", "librarian", "chef", "cook", "baker", "barista", "bartender", "waiter", "waitress",
        "cashier", "farmer", "gardener", "pilot", "driver", "mechanic", "electrician", "plumber", "carpenter",
        "builder", "painter", "photographer", "artist", "musician", "singer", "actor", "actress", "dancer",
        "firefighter", "officer", "soldier", "veterinarian", "vet", "therapist", "psychologist", "psychiatrist",
        "counsellor", "counselor", "pastor", "priest", "rabbi", "imam", "administrator", "secretary",
        "receptionist", "clerk", "salesperson", "marketer", "recruiter", "technician", "sysadmin", "physicist",
        "chemist", "biologist", "mathematician", "statistician", "historian", "archaeologist", "geologist",
        "freelancer", "contractor", "hairdresser", "barber", "tailor", "jeweller", "jeweler", "butcher",
        "fisherman", "miner", "welder", "machinist", "nanny", "caregiver", "carer", "cleaner", "janitor",
        "courier", "postman", "mailman", "policeman", "policewoman", "detective", "veterinary", "optometrist",
        "physiotherapist", "podiatrist", "radiologist", "anaesthetist", "anesthesiologist", "dietitian",
        "nutritionist", "streamer", "youtuber", "podcaster", "blogger", "illustrator", "animator", "filmmaker",
    };

    /// <summary>Words before an occupation that make "I'm a … nurse" something other than the job itself.</summary>
    public static readonly HashSet<string> NotJobModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "former", "ex", "retired", "aspiring", "wannabe", "future", "would-be", "failed", "fake", "good", "bad",
        "terrible", "great", "awful", "lousy", "decent", "amazing", "poor", "excellent", "better", "worse", "best",
        "worst", "big", "huge", "fan", "bit", "little", "not", "no", "kind", "sort", "type",
    };

    /// <summary>What "I like …" may not be about: the conversation itself rather than the owner.</summary>
    public static readonly HashSet<string> WeakObjects = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "that", "this", "these", "those", "you", "your", "yours", "him", "her", "them", "what", "how", "when",
        "where", "why", "which", "who", "the idea", "the way", "the answer", "the plan", "the sound", "the look",
        "so", "too", "to know", "to think", "to see", "to hear", "everything", "anything", "something", "nothing",
    };

    public static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];
}
