package io.orderpayment.payment.web;

class InvalidGatewaySettingsException extends RuntimeException {

    InvalidGatewaySettingsException(String message) {
        super(message);
    }
}
