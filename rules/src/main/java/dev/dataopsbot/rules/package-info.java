/**
 * The failure-mode classifier: fact classes ({@link dev.dataopsbot.rules.LogLine},
 * {@link dev.dataopsbot.rules.Evidence}, {@link dev.dataopsbot.rules.Demotion},
 * {@link dev.dataopsbot.rules.Disposition}), the DRL rules beside them (one file per failure mode,
 * plus precedence and taxonomy rules) and {@link dev.dataopsbot.rules.FailureModeClassifier}.
 * Rules only record evidence; turning evidence into a verdict is plain Java so that the scoring
 * is testable and the same for every rule. The bundled rules are precompiled to Drools'
 * executable model at build time: start-up pays for class loading, not for the DRL compiler.
 */
package dev.dataopsbot.rules;
