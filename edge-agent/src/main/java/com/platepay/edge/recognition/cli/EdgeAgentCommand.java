package com.platepay.edge.recognition.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code edge-agent/bin/edge-agent} (and so of {@code ./platepay recognise|video|train}). */
@Command(name = "edge-agent", mixinStandardHelpOptions = true,
        description = "PlatePay edge agent: plate recognition in camera frames.",
        subcommands = {RecogniseCommand.class, VideoCommand.class, TrainCommand.class, CalibrateCommand.class})
public final class EdgeAgentCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EdgeAgentCommand())
                .setExecutionExceptionHandler(EdgeAgentCommand::reportFailure)
                .execute(args));
    }

    /**
     * A missing folder, an unreadable video or a malformed truth file is the user's to fix: one line saying what
     * failed, exit code 1. The stack trace only with {@code -Dedge-agent.trace=true}.
     */
    private static int reportFailure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        System.err.println("edge-agent " + command.getCommandName() + ": " + describe(e));
        if (Boolean.getBoolean("edge-agent.trace")) e.printStackTrace();
        return 1;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) return "no such file or folder: " + missing.getFile();
        if (e instanceof java.nio.file.NotDirectoryException notDir) return "not a folder: " + notDir.getFile();
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
