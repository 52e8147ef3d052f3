package dev.mailhelp.diagnosis.message;

/** A signature field read: either a usable signature or the problem that makes it unusable. */
public sealed interface ParsedSignature permits DkimSignature, DkimSignature.Problem {
}
