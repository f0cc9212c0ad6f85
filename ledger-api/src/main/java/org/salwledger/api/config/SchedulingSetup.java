package org.salwledger.api.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Checkpoints are signed on a schedule. */
@Configuration
@EnableScheduling
public class SchedulingSetup {
}
