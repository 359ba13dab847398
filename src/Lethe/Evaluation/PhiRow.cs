namespace Lethe.Evaluation;

/// <summary>
/// φ of one model on one example (and one attribute): one row of a model's φ table (see <see cref="PhiTable"/>).
/// </summary>
/// <param name="Set">"forget", "retain", "test" or "unseen" (see <see cref="PhiSets"/>).</param>
/// <param name="Index">The example's position in that set's fixed order (the order evaluation and the data use).</param>
/// <param name="Identity">The person in the image.</param>
/// <param name="Attribute">0 for a single-attribute task; the attribute's index for a multi-label task.</param>
/// <param name="Label">The true class, or the attribute's bit (0 or 1) for a multi-label task.</param>
/// <param name="Phi">log p_y − log(1 − p_y), see <see cref="Evaluation.Phi"/>; NaN where the model's logits were not finite.</param>
public sealed record PhiRow(string Set, int Index, string Identity, int Attribute, int Label, double Phi);
