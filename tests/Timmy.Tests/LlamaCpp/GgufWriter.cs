using System.Text;

namespace Timmy.Tests.LlamaCpp;

/// <summary>Writes GGUF version 3 files, hand-written for the tests so they can make the tiny model they
/// run (no weights can be downloaded here). Layout: magic, version, tensor and key counts; the
/// key/value metadata; the tensor descriptions (name, dimensions in ggml order, type, offset); then
/// the tensor data, each tensor aligned to 32 bytes. Only the value types the tests use: u32, f32,
/// bool, string, and arrays of string/f32/i32. Tensors are F32.</summary>
internal sealed class GgufWriter
{
    private const int Alignment = 32;
    private const uint TypeUInt32 = 4, TypeInt32 = 5, TypeFloat32 = 6, TypeBool = 7, TypeString = 8, TypeArray = 9;

    private readonly List<Action<BinaryWriter>> metadata = [];
    private readonly List<(string Name, long[] Dims, float[] Data)> tensors = [];

    public GgufWriter UInt32(string key, uint value) => Add(key, TypeUInt32, w => w.Write(value));

    public GgufWriter Float32(string key, float value) => Add(key, TypeFloat32, w => w.Write(value));

    public GgufWriter Bool(string key, bool value) => Add(key, TypeBool, w => w.Write(value ? (byte)1 : (byte)0));

    public GgufWriter String(string key, string value) => Add(key, TypeString, w => WriteString(w, value));

    public GgufWriter Strings(string key, IReadOnlyList<string> values) =>
        Array(key, TypeString, values.Count, w => { foreach (var v in values) WriteString(w, v); });

    public GgufWriter Float32s(string key, IReadOnlyList<float> values) =>
        Array(key, TypeFloat32, values.Count, w => { foreach (var v in values) w.Write(v); });

    public GgufWriter Int32s(string key, IReadOnlyList<int> values) =>
        Array(key, TypeInt32, values.Count, w => { foreach (var v in values) w.Write(v); });

    /// <summary>Dimensions in ggml order: the first one is the row length (contiguous).</summary>
    public GgufWriter Tensor(string name, float[] data, params long[] dims)
    {
        if (dims.Aggregate(1L, (a, b) => a * b) != data.Length)
            throw new ArgumentException($"{name}: {data.Length} values for dimensions {string.Join('x', dims)}");
        tensors.Add((name, dims, data));
        return this;
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        using var w = new BinaryWriter(stream, Encoding.UTF8);
        w.Write("GGUF"u8);
        w.Write(3u);
        w.Write((ulong)tensors.Count);
        w.Write((ulong)metadata.Count);
        foreach (var entry in metadata)
            entry(w);

        ulong offset = 0;
        foreach (var (name, dims, data) in tensors)
        {
            WriteString(w, name);
            w.Write((uint)dims.Length);
            foreach (var d in dims)
                w.Write((ulong)d);
            w.Write(0u); // GGML_TYPE_F32
            w.Write(offset);
            offset = Align(offset + (ulong)data.Length * sizeof(float));
        }

        Pad(w);
        foreach (var (_, _, data) in tensors)
        {
            foreach (var v in data)
                w.Write(v);
            Pad(w);
        }
    }

    private GgufWriter Add(string key, uint type, Action<BinaryWriter> value)
    {
        metadata.Add(w => { WriteString(w, key); w.Write(type); value(w); });
        return this;
    }

    private GgufWriter Array(string key, uint elementType, int count, Action<BinaryWriter> values) =>
        Add(key, TypeArray, w => { w.Write(elementType); w.Write((ulong)count); values(w); });

    private static void WriteString(BinaryWriter w, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static ulong Align(ulong value) => (value + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter w)
    {
        w.Flush();
        var position = (ulong)w.BaseStream.Position;
        for (var i = position; i < Align(position); i++)
            w.Write((byte)0);
    }
}
