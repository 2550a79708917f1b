package io.portcullis.fix.session;

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;

/**
 * The BusinessMessageReject(j) sent for an application message above its session's rate: RefSeqNum(45),
 * RefMsgType(372), BusinessRejectRefID(379) = ClOrdID(11) when the message has one, BusinessRejectReason(380) = 0
 * (Other: the one value FIX 4.2, 4.4 and 5.0SP2 all define that fits) and a Text(58) stating the rate. Valid in all
 * three of our dictionaries. Allocates one message.
 */
final class RateReject {
    private static final int CL_ORD_ID = 11;
    private static final int REF_SEQ_NUM = 45;
    private static final int TEXT = 58;
    private static final int REF_MSG_TYPE = 372;
    private static final int BUSINESS_REJECT_REF_ID = 379;
    private static final int BUSINESS_REJECT_REASON = 380;
    private static final int OTHER = 0;

    private RateReject() {
    }

    static Message of(final Message rejected, final int perSecond) throws FieldNotFound {
        final Message reject = new Message();
        reject.getHeader().setString(MsgType.FIELD, MsgType.BUSINESS_MESSAGE_REJECT);
        reject.setInt(REF_SEQ_NUM, rejected.getHeader().getInt(MsgSeqNum.FIELD));
        reject.setString(REF_MSG_TYPE, rejected.getHeader().getString(MsgType.FIELD));
        if (rejected.isSetField(CL_ORD_ID)) {
            reject.setString(BUSINESS_REJECT_REF_ID, rejected.getString(CL_ORD_ID));
        }
        reject.setInt(BUSINESS_REJECT_REASON, OTHER);
        reject.setString(TEXT, "Message rate above the session limit of " + perSecond
            + " messages per second; message not processed");
        return reject;
    }
}
