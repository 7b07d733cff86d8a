package com.platepay.edge.recognition.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code edge-agent/bin/edge-agent} (and so of {@code ./platepay recognise|train}). */
@Command(name = "edge-agent", mixinStandardHelpOptions = true,
        description = "PlatePay edge agent: plate recognition in camera frames.",
        subcommands = {RecogniseCommand.class, VideoCommand.class, TrainCommand.class})
public final class EdgeAgentCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EdgeAgentCommand()).execute(args));
    }
}
