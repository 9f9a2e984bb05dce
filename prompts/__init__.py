"""The prompt files (``*.md``), shipped as package data of ``summarizer.prompts``; read by ``summarizer.templates``."""
