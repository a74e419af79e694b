package org.actionhero4j.internal.socket;

import java.util.concurrent.Executor;
import org.actionhero4j.config.WebsocketConfig;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.actions.ActionPipeline;
import org.actionhero4j.internal.connections.ConnectionRegistry;
import org.actionhero4j.internal.verbs.VerbDispatcher;
import org.actionhero4j.spi.Observer;

/**
 * What every socket needs from the node, handed over once by the endpoint.
 *
 * @param welcomeMessage sent to each new socket; empty for none
 */
record SocketServices(
    Executor executor,
    ConnectionRegistry connections,
    ActionPipeline pipeline,
    VerbDispatcher verbs,
    FileVerb files,
    ErrorTexts errors,
    WebsocketConfig.Server limits,
    Heartbeats heartbeats,
    String welcomeMessage,
    Observer observer) {}
