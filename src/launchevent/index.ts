import { onMessageSend, type ComposeItem, type SendEvent } from './cpr-on-send';

/**
 * Entry of the event-based runtime (launchevent.html for Outlook on the web, new Outlook and Mac;
 * launchevent.js for classic Outlook on Windows, which runs JavaScript only and does not run
 * Office.onReady). The function name matches LaunchEvent/@FunctionName in manifest.outlook.xml and
 * "actionId" in manifest.json.
 */
export const ON_MESSAGE_SEND = 'onMessageSendHandler';

function onMessageSendHandler(event: SendEvent): void {
  const item = Office.context.mailbox.item as unknown as ComposeItem;
  onMessageSend(event, item, Office.CoercionType.Text);
}

Office.actions.associate(ON_MESSAGE_SEND, onMessageSendHandler);
