package org.convergence.accompaniment.domain;

/** Collective psychological support (2020 Covid project), by kind (DOMAIN.md). */
public enum SupportSessionKind {
    FLASH_COACHING, SPEECH_GROUP, INDIVIDUAL_PSYCHOLOGIST, MUSIC_THERAPY, CONFERENCE_DEBATE, PRACTICE_ANALYSIS
}
