"""Reading a recruiter's reply: cue patterns as data (patterns/<lang>.jsonl), the learned
sentence reader, calibration, precedence rules, corrections, interpret() and the plan."""
