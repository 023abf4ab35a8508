"""MyPay Desk: desktop back-office for Enti collecting pagoPA payments through MyPay."""

__version__ = "0.1.0"
APP_NAME = "MyPay Desk"
APP_ID = "mypay-desk"
