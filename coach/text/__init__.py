"""Text helpers every wing shares, one home each: cleaning pasted text, where quoted history
begins, sentence splitting, language, and instructions aimed at a model."""
