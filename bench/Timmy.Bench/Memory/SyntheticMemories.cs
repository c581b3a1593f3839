using System.Text;
using Timmy.Core.Memory;
using Timmy.Core.Memory.Embeddings;

namespace Timmy.Bench.Memory;

/// <summary>
/// Deterministic made-up memories for the memory bench, without the model: sentences drawn from word lists (common
/// words Zipf-distributed, stop words, and the words of one of <see cref="TopicCount"/> topics), so FTS5 has real
/// posting lists to rank, and random normalised vectors clustered around the topic's centroid (cosine ≈ 0.6 to it,
/// ≈ 0 to other topics' centroids), so a query near a topic finds a few percent of the entries above the memory's
/// similarity floor as real queries do. Types, agents, sharing and sessions are spread so filters have work to do.
/// </summary>
public sealed class SyntheticMemories(int dimensions, int seed = 7)
{
    public const int TopicCount = 32;

    private static readonly string[] Common = """
        agent task memory owner swarm bid auction payment invoice sats lightning node channel wallet ledger balance
        message chat reply question answer model router provider ollama local cloud prompt token context summary note
        report result error failure retry timeout circuit breaker health check metric latency throughput queue worker
        job schedule event log audit trail feed dashboard page button form login session cookie key secret config
        file folder document chunk upload search index vector embedding similarity score rank match word phrase
        sentence paragraph title name date time week month year morning evening today yesterday tomorrow project plan
        goal idea draft review change branch commit merge test build release version upgrade patch bug fix feature
        user person friend team meeting call email calendar reminder list item order price cost budget money account
        server client request response endpoint api socket stream batch limit size count total average minute hour
        second day number value field record table row column database backup restore copy move delete update create
        read write open close start stop run pause resume finish complete cancel approve reject accept decline send
        receive pay earn spend save store load share keep forget remember learn teach explain describe compare
        measure improve fast slow small large new old good bad early late first last next previous main other
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static readonly string[] Stop = ["the", "a", "and", "of", "to", "in", "is", "was", "for", "on", "with", "that", "it", "by", "at", "from"];

    private static readonly string[][] Topics = """
        garden tomato basil compost seedling soil watering greenhouse harvest mulch
        bitcoin halving miner hashrate mempool block difficulty satoshi exchange custody
        recipe flour yeast dough oven bread butter sugar bake pastry
        marathon running pace stride training sneaker mileage tempo interval recovery
        telescope galaxy nebula orbit planet comet eclipse astronomy lens observatory
        guitar chord melody rhythm tempo scale amplifier song album concert
        mortgage interest rate loan lender refinance escrow appraisal property tax
        python compiler syntax function variable loop library package module interpreter
        vaccine clinic doctor appointment prescription pharmacy symptom allergy dosage nurse
        football goal striker league match referee penalty stadium coach season
        camera aperture shutter exposure portrait landscape tripod lens flash photo
        chess opening gambit endgame bishop knight rook pawn checkmate tournament
        kubernetes cluster pod container deployment helm ingress namespace replica kubelet
        wedding invitation venue caterer bouquet guest dress ceremony reception toast
        volcano lava magma eruption crater ash tectonic plate earthquake seismic
        novel chapter plot character author manuscript publisher editor fiction poetry
        airline flight passport luggage airport boarding visa hotel itinerary layover
        solar panel inverter battery grid kilowatt roof installer rebate energy
        dog puppy leash kennel vet walk treat bark breed grooming
        coffee espresso grinder roast bean latte barista brew filter crema
        bicycle chain gear saddle pedal helmet tire brake derailleur commute
        election ballot candidate vote campaign debate poll senate district turnout
        ocean tide reef coral whale dolphin kelp current shore sailing
        insurance premium claim deductible policy coverage adjuster accident liability broker
        painting canvas acrylic brush palette easel gallery sketch watercolor portrait
        thermostat furnace boiler radiator heating insulation draft attic chimney ventilation
        spreadsheet formula pivot cell chart macro workbook quarterly forecast revenue
        mountain hiking trail summit ridge glacier altitude backpack tent campfire
        encryption cipher signature certificate handshake nonce hash protocol keypair tls
        piano sonata scales pedal octave recital metronome keyboard composer etude
        tax refund deduction receipt filing accountant audit expense payroll invoice
        robot sensor motor servo arduino firmware circuit solder voltage prototype
        """.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();

    public static readonly string[] Agents = ["echo", "mace", "helm", "seer", "forge", "quill", "pixel", "lyra", "reel"];

    private readonly Random _random = new(seed);
    private readonly float[][] _centroids = CreateCentroids(dimensions, seed);
    private readonly double[] _zipf = ZipfTable(Common.Length);

    public int Dimensions => dimensions;

    /// <summary>The next made-up entry with its vector; <paramref name="sessions"/> conversations share session ids.</summary>
    public MemoryWrite Next(string embedderId, int sessions = 2_000)
    {
        var topic = _random.Next(TopicCount);
        var roll = _random.NextDouble();
        var type = roll < 0.6 ? MemoryContextTypes.Conversation : roll < 0.75 ? MemoryContextTypes.Fact : MemoryContextTypes.Document;
        var agent = _random.NextDouble() < 0.3 ? null : Agents[_random.Next(Agents.Length)];
        var memory = new NewMemory(Sentence(topic, 12 + _random.Next(20)), type, "bench")
        {
            AgentId = agent,
            Shared = agent is not null && _random.NextDouble() < 0.5,
            SessionId = type == MemoryContextTypes.Conversation ? $"session-{_random.Next(sessions)}" : null,
        };
        return new MemoryWrite(memory, Around(topic, 0.6f), embedderId);
    }

    /// <summary>A query about a random topic: its text (a topic word or two and a common word or two) and a vector
    /// near the topic's centroid (cosine ≈ 0.4 to that topic's entries).</summary>
    public (string Text, float[] Vector) Query()
    {
        var topic = _random.Next(TopicCount);
        var words = new List<string>();
        var topicWords = 1 + _random.Next(2);
        for (var i = 0; i < topicWords; i++)
        {
            words.Add(Topics[topic][_random.Next(Topics[topic].Length)]);
        }
        var commonWords = 1 + _random.Next(2);
        for (var i = 0; i < commonWords; i++)
        {
            words.Add(CommonWord());
        }
        if (_random.NextDouble() < 0.5)
        {
            words.Insert(_random.Next(words.Count), Stop[_random.Next(Stop.Length)]);
        }
        return (string.Join(' ', words), Around(topic, 0.7f));
    }

    /// <summary>Plain sentences for the store-throughput runs (no vectors: those come from the embedder under test).</summary>
    public NewMemory Text(int index) =>
        new(Sentence(_random.Next(TopicCount), 12 + _random.Next(20)), MemoryContextTypes.Conversation, "bench")
        {
            AgentId = Agents[index % Agents.Length], SessionId = $"session-{index % 50}",
        };

    private string Sentence(int topic, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var roll = _random.NextDouble();
            var word = roll < 0.3 ? Stop[_random.Next(Stop.Length)]
                : roll < 0.55 ? Topics[topic][_random.Next(Topics[topic].Length)]
                : roll < 0.58 ? _random.Next(10_000).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : CommonWord();
            text.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(i == words - 1 ? '.' : ' ');
        }
        return text.ToString();
    }

    private string CommonWord()
    {
        var index = Array.BinarySearch(_zipf, _random.NextDouble());
        return Common[Math.Min(index < 0 ? ~index : index, Common.Length - 1)];
    }

    /// <summary>A unit vector whose cosine to the topic's centroid is about <paramref name="closeness"/>.</summary>
    private float[] Around(int topic, float closeness)
    {
        var noise = Gaussian(_random, dimensions);
        VectorMath.Normalize(noise);
        var spread = MathF.Sqrt(1 - closeness * closeness);
        var centroid = _centroids[topic];
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = closeness * centroid[i] + spread * noise[i];
        }
        VectorMath.Normalize(noise);
        return noise;
    }

    private static float[][] CreateCentroids(int dimensions, int seed)
    {
        var random = new Random(seed * 31 + 1);
        return Enumerable.Range(0, TopicCount).Select(_ =>
        {
            var c = Gaussian(random, dimensions);
            VectorMath.Normalize(c);
            return c;
        }).ToArray();
    }

    private static float[] Gaussian(Random random, int length)
    {
        var values = new float[length];
        for (var i = 0; i < length; i += 2)
        {
            var u = 1.0 - random.NextDouble();
            var v = random.NextDouble();
            var r = Math.Sqrt(-2 * Math.Log(u));
            values[i] = (float)(r * Math.Cos(2 * Math.PI * v));
            if (i + 1 < length)
            {
                values[i + 1] = (float)(r * Math.Sin(2 * Math.PI * v));
            }
        }
        return values;
    }

    /// <summary>Cumulative Zipf-Mandelbrot probabilities over <paramref name="n"/> ranks, 1 / (rank + 50): the stop words
    /// hold the top ranks of real text, so the commonest content word is about 1 % of these words (in ≈ 8 % of the
    /// entries), not the 16 % plain Zipf would give it.</summary>
    private static double[] ZipfTable(int n)
    {
        var weights = Enumerable.Range(1, n).Select(rank => 1.0 / (rank + 50)).ToArray();
        var total = weights.Sum();
        var cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += weights[i] / total;
            cumulative[i] = sum;
        }
        return cumulative;
    }
}
